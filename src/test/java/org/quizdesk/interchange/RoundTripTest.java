package org.quizdesk.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quizdesk.grading.Answer;
import org.quizdesk.grading.Grader;
import org.quizdesk.interchange.QuizInterchange.ExportFormat;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizFileReader;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.TrueFalseQuestion;

/**
 * An export imported again gives back an equivalent quiz: the same questions in the same order with the same ids,
 * points, keys and accepted answers, and every possible answer to a choice question scored the same.
 */
class RoundTripTest {

    @ParameterizedTest(name = "{0} through {1}")
    @CsvSource({
        "quizzes/cse493g1-au24-quiz2.yaml, MOODLE",
        "quizzes/cse493g1-au24-quiz2.yaml, QTI",
        "quizzes/shuffle-example.yaml, MOODLE",
        "quizzes/shuffle-example.yaml, QTI"})
    void anImportOfAnExportIsTheSameQuiz(String file, ExportFormat format) throws Exception {
        Quiz original = QuizFileReader.read(Path.of(file));
        ExportedQuiz exported = QuizInterchange.export(original, format);
        ImportedQuiz imported = QuizInterchange.importFile(exported.content(), exported.fileName(), original.id());
        Quiz back = InterchangeSamples.reread(imported);

        assertThat(back.id()).isEqualTo(original.id());
        assertThat(back.sections()).extracting(s -> s.title())
                .isEqualTo(original.sections().stream().map(s -> s.title()).toList());
        boolean pools = original.sections().stream().flatMap(s -> s.items().stream())
                .anyMatch(item -> item instanceof org.quizdesk.quiz.Pool);
        if (pools) {
            // a pool's alternatives all come back as questions of their own, and the export says so
            assertThat(exported.notes()).anyMatch(n -> n.message().contains("the format has no pools"));
        } else {
            assertThat(back.maxPoints()).isEqualByComparingTo(original.maxPoints());
        }
        List<Question> before = original.questions();
        List<Question> after = back.questions();
        assertThat(after).extracting(Question::id).isEqualTo(before.stream().map(Question::id).toList());
        for (int i = 0; i < before.size(); i++) {
            if (parameterised(before.get(i))) {
                // parameters are Quizdesk's own: the export says so, and the question comes back as written
                String id = before.get(i).id();
                assertThat(exported.notes()).as(id).anyMatch(n -> id.equals(n.questionId())
                        && n.message().contains("parameters"));
                assertThat(after.get(i).points()).isEqualByComparingTo(before.get(i).points());
                continue;
            }
            equivalent(before.get(i), after.get(i));
        }
        if (format == ExportFormat.MOODLE) {
            assertThat(back.timeLimit()).as("Moodle XML carries questions only").isEqualTo(QuizDraft.DEFAULT_TIME_LIMIT);
        } else {
            assertThat(back.timeLimit()).isEqualTo(original.timeLimit());
            assertThat(back.title()).isEqualTo(original.title());
        }
    }

    private static void equivalent(Question before, Question after) {
        String id = before.id();
        assertThat(after.kind()).as(id).isEqualTo(before.kind());
        assertThat(after.points()).as(id).isEqualByComparingTo(before.points());
        assertThat(squash(after.prompt())).as(id + " prompt").endsWith(squash(before.prompt()));
        assertThat(squash(after.solution())).as(id + " solution").isEqualTo(squash(before.solution()));
        if (before instanceof TrueFalseQuestion t) {
            assertThat(((TrueFalseQuestion) after).answer()).as(id).isEqualTo(t.answer());
        } else if (before instanceof MultiSelectQuestion m) {
            MultiSelectQuestion n = (MultiSelectQuestion) after;
            assertThat(n.options()).as(id).extracting(o -> o.key() + ":" + squash(o.text()) + ":" + o.correct())
                    .isEqualTo(m.options().stream().map(o -> o.key() + ":" + squash(o.text()) + ":" + o.correct()).toList());
            assertThat(n.shuffle()).as(id).isEqualTo(m.shuffle());
            for (String[] answer : answers(m)) {
                assertThat(score(n, answer)).as(id + " " + String.join(",", answer))
                        .isEqualByComparingTo(score(m, answer));
            }
        } else {
            ShortAnswerQuestion s = (ShortAnswerQuestion) before;
            ShortAnswerQuestion t = (ShortAnswerQuestion) after;
            assertThat(t.manual()).as(id).isEqualTo(s.manual());
            assertThat(t.accept()).as(id).extracting(RoundTripTest::accepted)
                    .isEqualTo(s.accept().stream().map(RoundTripTest::accepted).toList());
        }
    }

    private static boolean parameterised(Question q) {
        return q instanceof ShortAnswerQuestion s && s.accept().stream().anyMatch(a -> a instanceof AcceptedAnswer.Expression);
    }

    private static String accepted(AcceptedAnswer a) {
        if (a instanceof AcceptedAnswer.Number n) {
            return "number " + n.value().stripTrailingZeros().toPlainString() + " ± "
                    + n.tolerance().stripTrailingZeros().toPlainString() + (n.relative() ? " relative" : "");
        }
        return a instanceof AcceptedAnswer.Regex r ? "regex " + r.pattern().pattern() : a.toString();
    }

    private static java.math.BigDecimal score(MultiSelectQuestion q, String[] answer) {
        return Grader.grade(q, Optional.of(Answer.Selection.of(answer))).score();
    }

    private static List<String[]> answers(MultiSelectQuestion q) {
        List<String> keys = q.options().stream().map(MultiSelectQuestion.Option::key).toList();
        List<String[]> all = new ArrayList<>();
        for (int mask = 0; mask < 1 << keys.size(); mask++) {
            List<String> picked = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    picked.add(keys.get(i));
                }
            }
            all.add(picked.toArray(String[]::new));
        }
        return all;
    }

    /** Texts compared without their line breaks and spacing, which HTML does not keep. */
    private static String squash(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
