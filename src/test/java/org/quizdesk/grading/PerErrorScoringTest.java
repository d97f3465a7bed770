package org.quizdesk.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizdesk.grading.QuizFixtures.multiSelect;
import static org.quizdesk.grading.QuizFixtures.perError;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.MultiSelectScoring;

/** per_error: points − penalty × errors, floored at 0; `either` never counts; single-correct default. */
class PerErrorScoringTest {

    private static final String M = "\u2212";

    private static QuestionScore grade(MultiSelectQuestion question, String... keys) {
        return Grader.grade(question, Optional.of(Answer.Selection.of(keys)));
    }

    private final MultiSelectQuestion twoCorrect = perError("2.1", "4", "2", "A+ B- C+ D-");

    @Test
    void everyOptionSelectedCostsTheTwoWrongOnesAndStopsAtZero() {
        QuestionScore score = grade(twoCorrect, "A", "B", "C", "D");

        assertThat(score.score()).isEqualByComparingTo("0");
        assertThat(score.reasons()).containsExactly("selected B (" + M + "2)", "selected D (" + M + "2)");
    }

    @Test
    void threeErrorsFloorAtZero() {
        QuestionScore score = grade(twoCorrect, "A", "B", "D");

        assertThat(score.score()).isEqualByComparingTo("0");
        // in option order, so a student can read them against the question
        assertThat(score.reasons()).containsExactly("selected B (" + M + "2)", "missed C (" + M + "2)",
                "selected D (" + M + "2)", "the deductions exceed the 4 points; the score stops at 0");
    }

    @Test
    void missingAndWrongCountAlike() {
        assertThat(grade(twoCorrect, "C", "D").score()).isEqualByComparingTo("0");
        assertThat(grade(twoCorrect, "C").score()).isEqualByComparingTo("2");
    }

    @Test
    void onlyTheEitherOptionSelectedIsTheSameAsBlank() {
        MultiSelectQuestion question = perError("2.2", "4", "2", "A+ B? C+ D-");

        QuestionScore score = grade(question, "B");

        assertThat(score.score()).isEqualByComparingTo("0");
        assertThat(score.reasons()).containsExactly("missed A (" + M + "2)", "missed C (" + M + "2)");
    }

    @Test
    void eitherOptionNeverCostsOrEarns() {
        MultiSelectQuestion question = perError("2.2", "4", "2", "A+ B? C+ D-");

        assertThat(grade(question, "A", "C").score()).isEqualByComparingTo("4");
        assertThat(grade(question, "A", "B", "C").score()).isEqualByComparingTo("4");
        assertThat(grade(question, "A", "B", "C", "D").score()).isEqualByComparingTo("2");
    }

    @Test
    void halfPointsAndAHalfPointPenalty() {
        MultiSelectQuestion question = perError("h", "2.5", "1.5", "A+ B+ C-");

        assertThat(grade(question, "A", "B").score()).isEqualByComparingTo("2.5");
        assertThat(grade(question, "A").score()).isEqualByComparingTo("1");
        assertThat(grade(question, "A").reasons()).containsExactly("missed B (" + M + "1.5)");
        assertThat(grade(question, "A", "B", "C").score()).isEqualByComparingTo("1.0");
        assertThat(grade(question, "B", "C").score()).isEqualByComparingTo("0");
        assertThat(Grader.grade(question, Optional.empty()).score()).isEqualByComparingTo("0");
    }

    @Test
    void penaltySmallerThanPointsLeavesPartialCreditAfterSeveralErrors() {
        MultiSelectQuestion question = perError("p", "3", "0.75", "A+ B+ C+ D- E-");

        // missed C, selected D, selected E: 3 − 3 × 0.75
        assertThat(grade(question, "A", "B", "D", "E").score()).isEqualByComparingTo("0.75");
    }

    @Test
    void missingPenaltyMeansTheSeedsTwo() {
        MultiSelectQuestion question = perError("n", "4", null, "A+ B- C+");

        QuestionScore score = grade(question, "A");

        assertThat(score.score()).isEqualByComparingTo("2");
        assertThat(score.reasons()).containsExactly("missed C (" + M + "2)");
    }

    @Test
    void singleCorrectDefaultsToAllOrNothing() {
        MultiSelectQuestion question = perError("s", "4", "2", "A+ B- C- D-");

        assertThat(question.effectiveScoring()).isEqualTo(MultiSelectScoring.ALL_OR_NOTHING);
        assertThat(grade(question, "A").score()).isEqualByComparingTo("4");
        assertThat(grade(question, "A", "B").score()).isEqualByComparingTo("0");
        assertThat(grade(question, "A", "B").reasons())
                .containsExactly("selected B", "all or nothing: any missed or wrong option scores 0");
        assertThat(Grader.grade(question, Optional.empty()).score()).isEqualByComparingTo("0");
    }

    @Test
    void singleCorrectPerErrorDeductsPerError() {
        MultiSelectQuestion question =
                multiSelect("s", "4", MultiSelectScoring.PER_ERROR, MultiSelectScoring.PER_ERROR, "2", "A+ B- C- D-");

        assertThat(grade(question, "A").score()).isEqualByComparingTo("4");
        assertThat(grade(question, "A", "B").score()).isEqualByComparingTo("2");
        assertThat(grade(question, "A", "B", "C").score()).isEqualByComparingTo("0");
        assertThat(grade(question, "B").score()).isEqualByComparingTo("0");
        // blank = the one true option missing: one error
        assertThat(Grader.grade(question, Optional.empty()).score()).isEqualByComparingTo("2");
    }

    @Test
    void emptySelectionIsScoredAsBlank() {
        QuestionScore empty = Grader.grade(twoCorrect, Optional.of(Answer.Selection.of()));

        assertThat(empty).isEqualTo(Grader.grade(twoCorrect, Optional.empty()));
        assertThat(empty.reasons()).first().isEqualTo("left blank");
    }
}
