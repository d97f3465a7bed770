package org.quizdesk.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.MultiSelectQuestion.Correctness;
import org.quizdesk.quiz.MultiSelectScoring;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.TrueFalseQuestion;

class GiftImportTest {

    final ImportedQuiz imported = importSample();
    final Quiz quiz = InterchangeSamples.reread(imported);

    static ImportedQuiz importSample() {
        try {
            return QuizInterchange.importFile(InterchangeSamples.file("gift-sample.gift"), "gift-sample.gift", "geo");
        } catch (ImportException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void categoriesBecomeSectionsAndEverySupportedQuestionLoads() {
        assertThat(quiz.id()).isEqualTo("geo");
        assertThat(quiz.sections()).extracting(s -> s.title()).containsExactly("Geography", "Harder");
        assertThat(quiz.questions()).extracting(q -> q.kind().fileName()).containsExactly(
                "true_false", "true_false", "multi_select", "multi_select", "short_answer", "short_answer",
                "short_answer", "short_answer", "multi_select", "multi_select", "short_answer", "short_answer",
                "short_answer");
        assertThat(imported.notes()).anyMatch(n -> n.message().contains("every question is worth 1"));
    }

    @Test
    void trueFalseWithFeedbackAndGeneralFeedback() {
        assertThat(((TrueFalseQuestion) quiz.questions().get(0)).answer()).isTrue();
        TrueFalseQuestion africa = (TrueFalseQuestion) quiz.questions().get(1);
        assertThat(africa.answer()).isFalse();
        assertThat(africa.solution()).isEqualTo("Asia is the largest continent.");
    }

    @Test
    void multipleChoiceWithFeedbackOverSeveralLines() {
        MultiSelectQuestion tomb = (MultiSelectQuestion) quiz.questions().get(2);
        assertThat(tomb.options()).extracting(MultiSelectQuestion.Option::text).containsExactly("Grant", "Jefferson", "no one");
        assertThat(tomb.options().get(2).correct()).isEqualTo(Correctness.TRUE);
        assertThat(tomb.options().get(2).solution()).isEqualTo("Right: nobody is buried, they are entombed.");
        assertThat(tomb.effectiveScoring()).isEqualTo(MultiSelectScoring.ALL_OR_NOTHING);
        MultiSelectQuestion spectrum = (MultiSelectQuestion) quiz.questions().get(3);
        assertThat(spectrum.options()).extracting(MultiSelectQuestion.Option::text).containsExactly("yellow", "red", "blue");
        assertThat(spectrum.options().get(0).solution()).isEqualTo("right; good!");
    }

    @Test
    void missingWordShortAnswersAndPartialCredit() {
        ShortAnswerQuestion twoPlus = (ShortAnswerQuestion) quiz.questions().get(4);
        assertThat(twoPlus.prompt()).isEqualTo("Two plus _____ equals four.");
        assertThat(twoPlus.accept()).extracting(a -> ((AcceptedAnswer.Text) a).text()).containsExactly("two", "2");
        ShortAnswerQuestion rivers = (ShortAnswerQuestion) quiz.questions().get(5);
        assertThat(rivers.accept()).hasSize(2);
        assertThat(notes(rivers.id())).anyMatch(n -> n.contains("\"Congo\" gives 50%"));
    }

    @Test
    void numbersWithToleranceAndRanges() {
        AcceptedAnswer.Number pi = (AcceptedAnswer.Number) ((ShortAnswerQuestion) quiz.questions().get(6)).accept().get(0);
        assertThat(pi.value()).isEqualByComparingTo("3.14");
        assertThat(pi.tolerance()).isEqualByComparingTo("0.005");
        AcceptedAnswer.Number range = (AcceptedAnswer.Number) ((ShortAnswerQuestion) quiz.questions().get(7)).accept().get(0);
        assertThat(range.value()).isEqualByComparingTo("3");
        assertThat(range.tolerance()).isEqualByComparingTo("2");
    }

    @Test
    void weightedMultipleAnswersMapToARuleAndZeroWeightsAreSaid() {
        MultiSelectQuestion primes = (MultiSelectQuestion) quiz.questions().get(8);
        assertThat(primes.options()).extracting(MultiSelectQuestion.Option::correct)
                .containsExactly(Correctness.TRUE, Correctness.TRUE, Correctness.FALSE, Correctness.FALSE);
        assertThat(notes(primes.id())).anyMatch(n -> n.contains("scores differ"));
        MultiSelectQuestion oceans = (MultiSelectQuestion) quiz.questions().get(9);
        assertThat(oceans.options().get(2).correct()).isEqualTo(Correctness.FALSE);
        assertThat(notes(oceans.id())).anyMatch(n -> n.contains("scores differ") && n.contains("A, B, C: Moodle 1"));
    }

    @Test
    void essaysEscapesAndWhatIsNotCarriedOver() {
        ShortAnswerQuestion essay = (ShortAnswerQuestion) quiz.questions().get(10);
        assertThat(essay.manual()).isTrue();
        ShortAnswerQuestion html = (ShortAnswerQuestion) quiz.questions().get(11);
        assertThat(html.prompt()).isEqualTo("Explain **plate tectonics** {briefly}.");
        ShortAnswerQuestion escapes = (ShortAnswerQuestion) quiz.questions().get(12);
        assertThat(escapes.prompt()).isEqualTo("What does 1 = 1 mean, in the notation a:b?");
        assertThat(((AcceptedAnswer.Text) escapes.accept().get(0)).text()).isEqualTo("identity {trivially}");
        assertThat(imported.notes()).anyMatch(n -> "line 41".equals(n.source()) && n.message().contains("matching question"));
        assertThat(imported.notes()).anyMatch(n -> n.message().contains("has no answer block"));
    }

    private List<String> notes(String id) {
        return imported.notes().stream().filter(n -> id.equals(n.questionId())).map(CarryOverNote::toString).toList();
    }
}
