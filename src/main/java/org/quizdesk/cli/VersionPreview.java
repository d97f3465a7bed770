package org.quizdesk.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.Item;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.MultiSelectQuestion.Correctness;
import org.quizdesk.quiz.Points;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.QuestionGroup;
import org.quizdesk.quiz.Section;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.StudentVersion;
import org.quizdesk.quiz.TrueFalseQuestion;

/**
 * {@code preview <quiz-file> --seed N}: one student's version as plain text, in their order, with the letters
 * they see, the file's key behind each letter, and the key.
 */
final class VersionPreview {

    /** Prompts are shown by their first line, cut to this length: enough to recognise a question. */
    private static final int PROMPT_LIMIT = 70;

    private final PrintStream out;

    VersionPreview(PrintStream out) {
        this.out = out;
    }

    void print(StudentVersion version) {
        out.println(version.quiz().title() + " (" + version.quiz().id() + "), version seed " + version.seed()
                + (version.seed() == StudentVersion.FILE_ORDER ? " (the file's order)" : ""));
        int number = 1;
        for (Section section : version.quiz().sections()) {
            out.println();
            out.println("Section " + number++ + ": " + section.title() + (section.shuffle() ? " [questions shuffled]" : ""));
            for (Item item : section.items()) {
                if (item instanceof QuestionGroup group) {
                    out.println("  " + group.id() + " (group): " + firstLine(group.prompt()));
                    group.parts().forEach(part -> question(part, version, "    "));
                } else {
                    question((Question) item, version, "  ");
                }
            }
        }
    }

    private void question(Question question, StudentVersion version, String indent) {
        out.println(indent + question.id() + " [" + question.kind().fileName() + ", " + Points.inText(question.points())
                + " " + (question.points().compareTo(java.math.BigDecimal.ONE) == 0 ? "point" : "points") + "]: "
                + firstLine(question.prompt()));
        Map<String, String> values = version.values(question.id());
        if (!values.isEmpty()) {
            out.println(indent + "    values: " + values.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        if (question instanceof MultiSelectQuestion multi) {
            for (MultiSelectQuestion.Option option : multi.options()) {
                String label = version.label(multi.id(), option.key());
                String file = label.equals(option.key()) ? "" : " (file: " + option.key() + ")";
                out.println(indent + "    " + label + file + ": " + firstLine(option.text())
                        + (option.fixed() ? " [fixed]" : "") + verdict(option.correct()));
            }
            List<MultiSelectQuestion.Option> correct = multi.options().stream()
                    .filter(o -> o.correct() == Correctness.TRUE).toList();
            out.println(indent + "    key: " + correct.stream().map(o -> version.label(multi.id(), o.key()))
                    .collect(Collectors.joining(", ")));
        } else if (question instanceof TrueFalseQuestion trueFalse) {
            out.println(indent + "    key: " + (trueFalse.answer() ? "True" : "False"));
        } else {
            ShortAnswerQuestion shortAnswer = (ShortAnswerQuestion) question;
            out.println(indent + "    key: " + (shortAnswer.manual() ? "graded by hand"
                    : shortAnswer.accept().stream().map(VersionPreview::accepted).collect(Collectors.joining(" or "))));
        }
    }

    private static String verdict(Correctness correct) {
        return switch (correct) {
            case TRUE -> "  <- correct";
            case EITHER -> "  <- either way";
            case FALSE -> "";
        };
    }

    private static String accepted(AcceptedAnswer accepted) {
        if (accepted instanceof AcceptedAnswer.Shape shape) {
            return shape.dimensions().stream().map(String::valueOf).collect(Collectors.joining(" x "));
        }
        if (accepted instanceof AcceptedAnswer.Number number) {
            String value = number.value().toPlainString();
            return number.tolerance().signum() == 0 ? value
                    : value + " ± " + number.tolerance().toPlainString() + (number.relative() ? " (relative)" : "");
        }
        if (accepted instanceof AcceptedAnswer.Text text) {
            return "\"" + text.text() + "\"";
        }
        return "/" + ((AcceptedAnswer.Regex) accepted).pattern().pattern() + "/";
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() <= PROMPT_LIMIT ? line : line.substring(0, PROMPT_LIMIT) + "…";
    }
}
