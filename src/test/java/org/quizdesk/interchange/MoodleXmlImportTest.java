package org.quizdesk.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.MultiSelectQuestion.Correctness;
import org.quizdesk.quiz.MultiSelectScoring;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.TrueFalseQuestion;

class MoodleXmlImportTest {

    final ImportedQuiz imported = importSample();
    final Quiz quiz = InterchangeSamples.reread(imported);

    static ImportedQuiz importSample() {
        try {
            return QuizInterchange.importFile(InterchangeSamples.file("moodle-sample.xml"), "moodle-sample.xml", null);
        } catch (ImportException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everySupportedQuestionBecomesAQuestionOfAQuizFileThatLoads() {
        assertThat(quiz.id()).isEqualTo("moodle-sample");
        assertThat(quiz.title()).isEqualTo("Networks 101");
        assertThat(quiz.sections()).extracting(s -> s.title()).containsExactly("Basics", "Protocols");
        assertThat(quiz.questions()).extracting(q -> q.kind().fileName()).containsExactly(
                "true_false", "true_false", "multi_select", "multi_select",
                "multi_select", "multi_select", "short_answer", "short_answer", "short_answer", "short_answer",
                "short_answer", "short_answer");
        assertThat(quiz.questions()).extracting(Question::points).extracting(BigDecimal::toPlainString)
                .containsExactly("1", "2", "1", "1", "4", "3", "1", "1.5", "2", "1", "3", "2");
    }

    @Test
    void trueFalseKeysAndTheGeneralFeedbackAsSolutionAndHtmlAsMarkdown() {
        TrueFalseQuestion first = (TrueFalseQuestion) quiz.questions().get(0);
        assertThat(first.answer()).isTrue();
        assertThat(first.prompt()).isEqualTo("TCP delivers bytes **in order** and retransmits lost segments.");
        assertThat(first.solution()).isEqualTo("True: sequence numbers and acknowledgements.");
        TrueFalseQuestion second = (TrueFalseQuestion) quiz.questions().get(1);
        assertThat(second.answer()).isFalse();
        assertThat(second.prompt()).as("entities decoded").contains("handshake & keeps it");
    }

    @Test
    void singleChoiceIsAllOrNothingAndAPartialFractionIsReportedAsAScoreDifference() {
        MultiSelectQuestion layer = (MultiSelectQuestion) quiz.questions().get(2);
        assertThat(layer.options()).extracting(MultiSelectQuestion.Option::correct)
                .containsExactly(Correctness.FALSE, Correctness.TRUE, Correctness.FALSE);
        assertThat(layer.effectiveScoring()).isEqualTo(MultiSelectScoring.ALL_OR_NOTHING);
        assertThat(layer.shuffle()).isTrue();
        assertThat(layer.options().get(1).solution()).isEqualTo("IP routes packets between networks.");
        assertThat(layer.prompt()).as("a script is text, never kept as HTML").doesNotContain("<script")
                .contains("alert('x')");
        assertThat(notesOf(layer.id())).anyMatch(n -> n.contains("<script>") && n.contains("no Markdown equivalent"));

        MultiSelectQuestion port = (MultiSelectQuestion) quiz.questions().get(3);
        assertThat(port.prompt()).isEqualTo("The usual port of HTTPS is …");
        assertThat(notesOf(port.id())).anyMatch(n -> n.contains("scores differ") && n.contains("B: Moodle 0.5, Quizdesk 0"));
    }

    @Test
    void fractionsMapToTheNearestRuleAndTheImportSaysWhenScoresDiffer() {
        MultiSelectQuestion reliable = (MultiSelectQuestion) quiz.questions().get(4);
        assertThat(reliable.options()).extracting(MultiSelectQuestion.Option::correct)
                .containsExactly(Correctness.TRUE, Correctness.FALSE, Correctness.TRUE, Correctness.FALSE);
        // +50/-50 per option is exactly "2 points off per error" on a 4-point question: nothing to report
        assertThat(reliable.effectiveScoring()).isEqualTo(MultiSelectScoring.PER_ERROR);
        assertThat(reliable.penalty()).isEqualByComparingTo("2");
        assertThat(notesOf(reliable.id())).noneMatch(n -> n.contains("scores differ"));

        // three right options at 33.3 % and a wrong one at 0 %: Moodle never deducts, no Quizdesk rule is that
        MultiSelectQuestion ports = (MultiSelectQuestion) quiz.questions().get(5);
        assertThat(ports.correctCount()).isEqualTo(3);
        assertThat(notesOf(ports.id())).anyMatch(n -> n.contains("scores differ for") && n.contains("Moodle"));
        assertThat(notesOf(ports.id())).anyMatch(n -> n.contains("<table>"));
        assertThat(notesOf(ports.id())).anyMatch(n -> n.contains("image \"ports.png\""));
        assertThat(ports.figures()).extracting(f -> f.description()).containsExactly("A list of ports");
    }

    @Test
    void shortAnswersNumbersAndEssays() {
        ShortAnswerQuestion dns = (ShortAnswerQuestion) quiz.questions().get(6);
        assertThat(dns.accept()).hasSize(2);
        assertThat(((AcceptedAnswer.Text) dns.accept().get(0)).text()).isEqualTo("DNS");
        assertThat(((AcceptedAnswer.Regex) dns.accept().get(1)).pattern().matches("domain name system")).isTrue();
        assertThat(notesOf(dns.id())).anyMatch(n -> n.contains("\"name service\" gives 50%"));

        ShortAnswerQuestion loopback = (ShortAnswerQuestion) quiz.questions().get(7);
        AcceptedAnswer.Regex exact = (AcceptedAnswer.Regex) loopback.accept().get(0);
        assertThat(exact.pattern().matches("127.0.0.1")).isTrue();
        assertThat(exact.pattern().matches("127x0x0x1")).as("dots are literal").isFalse();
        assertThat(notesOf(loopback.id())).anyMatch(n -> n.contains("points 1.25 rounded to 1.5"));

        ShortAnswerQuestion rtt = (ShortAnswerQuestion) quiz.questions().get(8);
        AcceptedAnswer.Number thirty = (AcceptedAnswer.Number) rtt.accept().get(0);
        assertThat(thirty.value()).isEqualByComparingTo("30");
        assertThat(thirty.tolerance()).isEqualByComparingTo("0.5");
        assertThat(rtt.prompt()).contains("2 × 15 ms");
        assertThat(notesOf(rtt.id())).anyMatch(n -> n.contains("answer 15 gives 50%"));
        assertThat(notesOf(quiz.questions().get(9).id())).anyMatch(n -> n.contains("units are not carried over"));

        ShortAnswerQuestion essay = (ShortAnswerQuestion) quiz.questions().get(10);
        assertThat(essay.manual()).isTrue();
        assertThat(essay.prompt()).isEqualTo("Explain **slow start**.  \nUse two sentences.");
        assertThat(essay.rubric()).singleElement().satisfies(r -> {
            assertThat(r.points()).isEqualByComparingTo("3");
            assertThat(r.text()).contains("exponential growth");
        });
        assertThat(((ShortAnswerQuestion) quiz.questions().get(11)).rubric()).isEmpty();
    }

    @Test
    void anUnsupportedTypeIsListedWithItsLineOnTheQuizAndAsACommentInTheFile() {
        assertThat(imported.notes()).anyMatch(n -> n.questionId() == null && "line 122".equals(n.source())
                && n.message().contains("\"Match ports\" of Moodle type \"matching\" is not carried over"));
        assertThat(imported.notes()).anyMatch(n -> n.message().contains("time limit is not in the Moodle XML file"));
        assertThat(imported.yaml()).contains("#   line 122: question \"Match ports\"")
                .contains("# line ").contains("points 1.25 rounded to 1.5");
    }

    private List<String> notesOf(String questionId) {
        return imported.notes().stream().filter(n -> questionId.equals(n.questionId())).map(CarryOverNote::toString)
                .toList();
    }
}
