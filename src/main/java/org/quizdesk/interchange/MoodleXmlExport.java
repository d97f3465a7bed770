package org.quizdesk.interchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.RubricItem;
import org.quizdesk.quiz.Section;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.TrueFalseQuestion;

/**
 * Moodle XML out: one category per section, texts as Moodle's Markdown format (which Moodle renders itself), the
 * question id as the question's name (which the import reads back as the id).
 */
final class MoodleXmlExport {

    /** The fractions Moodle's question bank accepts (percent); others are moved to the nearest. */
    private static final double[] FRACTIONS = {100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25,
        20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0};

    private final StringBuilder xml = new StringBuilder();
    private final List<CarryOverNote> notes = new ArrayList<>();

    static ExportedQuiz write(Quiz quiz) {
        MoodleXmlExport export = new MoodleXmlExport();
        export.quiz(quiz);
        return new ExportedQuiz(export.xml.toString().getBytes(StandardCharsets.UTF_8), quiz.id() + ".xml",
                export.notes);
    }

    private void quiz(Quiz quiz) {
        ExportSupport.quizNotes(quiz, notes);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<!-- ").append(ExportSupport.xmlText(quiz.id()).replace("--", "- -"))
                .append(": exported by Quizdesk -->\n<quiz>\n");
        for (Section section : quiz.sections()) {
            xml.append("  <question type=\"category\">\n    <category><text>$course$/top/")
                    .append(ExportSupport.xmlText(category(quiz.title()))).append('/')
                    .append(ExportSupport.xmlText(category(section.title()))).append("</text></category>\n  </question>\n");
            for (ExportSupport.Flat flat : ExportSupport.questions(section, notes)) {
                question(flat.question(), flat.prompt());
            }
        }
        xml.append("</quiz>\n");
    }

    /** Moodle separates categories with "/" and writes a slash inside a name as "//". */
    private static String category(String name) {
        return name.replace("/", "//");
    }

    private void question(Question q, String prompt) {
        ExportSupport.figures(q.id(), q.figures(), notes);
        ExportSupport.figures(q.id(), q.solutionFigures(), notes);
        String type;
        if (q instanceof TrueFalseQuestion) {
            type = "truefalse";
        } else if (q instanceof MultiSelectQuestion) {
            type = "multichoice";
        } else {
            ShortAnswerQuestion s = (ShortAnswerQuestion) q;
            type = s.manual() ? "essay" : s.accept().stream().allMatch(a -> a instanceof AcceptedAnswer.Number)
                    ? "numerical" : "shortanswer";
        }
        xml.append("  <question type=\"").append(type).append("\">\n");
        xml.append("    <name><text>").append(ExportSupport.xmlText(q.id())).append("</text></name>\n");
        text("questiontext", prompt, "    ");
        text("generalfeedback", q.solution() == null ? "" : q.solution(), "    ");
        xml.append("    <defaultgrade>").append(q.points().toPlainString()).append("</defaultgrade>\n");
        xml.append("    <penalty>0</penalty>\n    <hidden>0</hidden>\n");
        if (q instanceof TrueFalseQuestion t) {
            answer(t.answer() ? "100" : "0", "true", null);
            answer(t.answer() ? "0" : "100", "false", null);
        } else if (q instanceof MultiSelectQuestion m) {
            multichoice(m);
        } else {
            shortAnswer((ShortAnswerQuestion) q, type);
        }
        xml.append("  </question>\n");
    }

    private void multichoice(MultiSelectQuestion m) {
        OptionWeights weights = OptionWeights.of(m);
        List<BigDecimal> snapped = new ArrayList<>();
        for (BigDecimal w : weights.weights()) {
            snapped.add(snap(w));
        }
        OptionWeights written = new OptionWeights(snapped, weights.single());
        written.compare(m, "Moodle").ifPresent(d -> notes.add(new CarryOverNote(m.id(), null, d)));
        xml.append("    <single>").append(written.single()).append("</single>\n");
        xml.append("    <shuffleanswers>").append(m.shuffle() ? 1 : 0).append("</shuffleanswers>\n");
        xml.append("    <answernumbering>ABCD</answernumbering>\n");
        if (m.options().stream().anyMatch(MultiSelectQuestion.Option::fixed)) {
            notes.add(new CarryOverNote(m.id(), null, "Moodle cannot keep an option in place while "
                    + "shuffling the others (fixed)"));
        }
        for (int i = 0; i < m.options().size(); i++) {
            MultiSelectQuestion.Option o = m.options().get(i);
            xml.append("    <answer fraction=\"").append(percent(snapped.get(i))).append("\" format=\"markdown\">\n");
            xml.append("      <text>").append(ExportSupport.xmlText(o.text())).append("</text>\n");
            text("feedback", o.solution() == null ? "" : o.solution(), "      ");
            xml.append("    </answer>\n");
        }
    }

    /** The nearest fraction Moodle accepts, keeping the sign. */
    private static BigDecimal snap(BigDecimal weight) {
        double percent = Math.abs(weight.doubleValue() * 100);
        double best = FRACTIONS[0];
        for (double f : FRACTIONS) {
            best = Math.abs(f - percent) < Math.abs(best - percent) ? f : best;
        }
        BigDecimal value = BigDecimal.valueOf(best).divide(BigDecimal.valueOf(100), 7, RoundingMode.HALF_EVEN);
        return weight.signum() < 0 ? value.negate() : value;
    }

    private static String percent(BigDecimal weight) {
        BigDecimal p = weight.multiply(BigDecimal.valueOf(100)).setScale(5, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString();
    }

    private void shortAnswer(ShortAnswerQuestion s, String type) {
        if (type.equals("essay")) {
            xml.append("    <responseformat>plain</responseformat>\n    <responserequired>1</responserequired>\n");
            xml.append("    <responsefieldlines>10</responsefieldlines>\n");
            if (!s.rubric().isEmpty()) {
                StringBuilder info = new StringBuilder("Rubric:\n");
                for (RubricItem r : s.rubric()) {
                    info.append("\n- ").append(r.id()).append(" (").append(r.points().toPlainString()).append("): ")
                            .append(r.text());
                }
                text("graderinfo", info.toString(), "    ");
                notes.add(new CarryOverNote(s.id(), null, "the rubric's " + s.rubric().size()
                        + " items become Moodle's information for graders (text)"));
            }
            return;
        }
        if (type.equals("numerical")) {
            for (AcceptedAnswer a : s.accept()) {
                AcceptedAnswer.Number n = (AcceptedAnswer.Number) a;
                BigDecimal tolerance = n.relative() ? n.tolerance().multiply(n.value().abs()) : n.tolerance();
                if (n.relative()) {
                    notes.add(new CarryOverNote(s.id(), null, "the relative tolerance of " + n.value().toPlainString()
                            + " becomes the absolute tolerance " + tolerance.stripTrailingZeros().toPlainString()));
                }
                answer("100", n.value().toPlainString(), tolerance.stripTrailingZeros().toPlainString());
            }
            return;
        }
        xml.append("    <usecase>0</usecase>\n");
        int written = 0;
        for (AcceptedAnswer a : s.accept()) {
            if (a instanceof AcceptedAnswer.Text t) {
                answer("100", t.text().replace("*", "\\*"), null);
                written++;
            } else if (a instanceof AcceptedAnswer.Shape shape) {
                answer("100", ShapeText.write(shape), null);
                notes.add(new CarryOverNote(s.id(), null, "the shape " + ShapeText.write(shape) + " is written as that "
                        + "text: Moodle accepts only that spelling (and any case)"));
                written++;
            } else if (a instanceof AcceptedAnswer.Number n) {
                answer("100", n.value().toPlainString(), null);
                notes.add(new CarryOverNote(s.id(), null, "the number " + n.value().toPlainString() + " is written as "
                        + "text" + (n.tolerance().signum() == 0 ? "" : ", without its tolerance")
                        + " (Moodle's short answer has no numbers)"));
                written++;
            } else if (a instanceof AcceptedAnswer.Regex r) {
                notes.add(new CarryOverNote(s.id(), null, "the regular expression " + r.pattern().pattern()
                        + " is not carried over: Moodle's short answer has only the * wildcard"));
            } else {
                notes.add(new CarryOverNote(s.id(), null, "an answer computed from the question's parameters is not "
                        + "carried over (parameters are Quizdesk's own; the texts keep their {{…}} as written)"));
            }
        }
        if (written == 0) {
            answer("100", "*", null);
            notes.add(new CarryOverNote(s.id(), null, "no accepted answer could be written: every answer is accepted "
                    + "(\"*\"); grade it by hand in Moodle"));
        }
    }

    private void answer(String fraction, String text, String tolerance) {
        xml.append("    <answer fraction=\"").append(fraction).append("\" format=\"moodle_auto_format\">\n");
        xml.append("      <text>").append(ExportSupport.xmlText(text)).append("</text>\n");
        if (tolerance != null) {
            xml.append("      <tolerance>").append(tolerance).append("</tolerance>\n");
        }
        xml.append("    </answer>\n");
    }

    private void text(String element, String markdown, String indent) {
        xml.append(indent).append('<').append(element).append(" format=\"markdown\">\n");
        xml.append(indent).append("  <text>").append(ExportSupport.xmlText(markdown)).append("</text>\n");
        xml.append(indent).append("</").append(element).append(">\n");
    }
}
