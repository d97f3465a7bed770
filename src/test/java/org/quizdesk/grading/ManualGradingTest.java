package org.quizdesk.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quizdesk.grading.QuizFixtures.*;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hand-graded short answers: pending until a grader applies rubric items and adjustments. */
class ManualGradingTest {

    @Test
    void anAnswerWaitsForAGrader() {
        QuestionScore score = Grader.grade(SEED_3_1_4, Optional.of(new Answer.Text("Stride 4 ...")));

        assertThat(score.pending()).isTrue();
        assertThat(score.score()).isNull();
        assertThat(score.max()).isEqualByComparingTo("2");
        assertThat(score.reasons()).containsExactly("waiting for a grader");
        assertThat(score.summary()).isEqualTo("3.1.4: ?/2 \u2014 waiting for a grader");
    }

    @Test
    void rubricItemsAddUpInRubricOrder() {
        QuestionScore score = Grader.applyHandGrade(SEED_3_1_4,
                new HandGrade(Set.of("receptive-field", "stride"), null, null));

        assertThat(score.score()).isEqualByComparingTo("2");
        assertThat(score.pending()).isFalse();
        assertThat(score.reasons()).containsExactly("+1 " + STRIDE.text(), "+1 " + RECEPTIVE_FIELD.text());
    }

    @Test
    void oneItemAndANegativeAdjustmentWithItsComment() {
        QuestionScore score = Grader.applyHandGrade(SEED_3_1_4,
                new HandGrade(Set.of("stride"), dec("-0.5"), "the stride arithmetic is off"));

        assertThat(score.score()).isEqualByComparingTo("0.5");
        assertThat(score.reasons())
                .containsExactly("+1 " + STRIDE.text(), "\u22120.5 adjustment: the stride arithmetic is off");
    }

    @Test
    void clampedToThePointsAbove() {
        QuestionScore score = Grader.applyHandGrade(SEED_3_1_4,
                new HandGrade(Set.of("stride", "receptive-field"), dec("0.5"), "excellent drawing"));

        assertThat(score.score()).isEqualByComparingTo("2");
        assertThat(score.reasons()).containsExactly("+1 " + STRIDE.text(), "+1 " + RECEPTIVE_FIELD.text(),
                "+0.5 adjustment: excellent drawing", "capped at the question's 2 points");
    }

    @Test
    void clampedToZeroBelow() {
        QuestionScore score = Grader.applyHandGrade(SEED_3_1_4, new HandGrade(Set.of("wrong-claim"), null, null));

        assertThat(score.score()).isEqualByComparingTo("0");
        assertThat(score.reasons()).containsExactly("\u22120.5 " + WRONG_CLAIM.text(), "a score is never below 0");
    }

    @Test
    void negativeAdjustmentAloneIsClampedToo() {
        QuestionScore score = Grader.applyHandGrade(SEED_3_1_4, new HandGrade(Set.of(), dec("-1"), "copied"));

        assertThat(score.score()).isEqualByComparingTo("0");
        assertThat(score.reasons()).containsExactly("\u22121 adjustment: copied", "a score is never below 0");
    }

    @Test
    void nothingAppliedScoresZeroAndSaysSo() {
        QuestionScore score = Grader.applyHandGrade(SEED_3_1_4, new HandGrade(Set.of(), null, "  "));

        assertThat(score.score()).isEqualByComparingTo("0");
        assertThat(score.reasons()).containsExactly("no rubric item applied");
    }

    @Test
    void aCommentWithoutAdjustmentIsKept() {
        QuestionScore score = Grader.applyHandGrade(SEED_3_1_4,
                new HandGrade(Set.of("stride"), dec("0"), "see the margin note"));

        assertThat(score.score()).isEqualByComparingTo("1");
        assertThat(score.reasons()).containsExactly("+1 " + STRIDE.text(), "grader's comment: see the margin note");
    }

    @Test
    void halfPointRubricItemsStayExact() {
        var question = manual("m", "1.5", new org.quizdesk.quiz.RubricItem("a", dec("0.5"), "names ReLU"),
                new org.quizdesk.quiz.RubricItem("b", dec("0.75"), "explains why"));

        QuestionScore score = Grader.applyHandGrade(question, new HandGrade(Set.of("a", "b"), dec("0.1"), "neat"));

        assertThat(score.score()).isEqualTo(dec("1.35"));
    }

    @Test
    void anUnknownRubricItemIsRefused() {
        assertThatThrownBy(() -> Grader.applyHandGrade(SEED_3_1_4, new HandGrade(Set.of("nope"), null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("question 3.1.4: no rubric item \"nope\" (items: stride, receptive-field, wrong-claim)");
    }

    @Test
    void aGraderMayOverrideAnyScoreWithAComment() {
        QuestionScore score = Grader.override(SEED_2_1, dec("3"), "B was ambiguous in the printed version");

        assertThat(score.score()).isEqualByComparingTo("3");
        assertThat(score.reasons()).containsExactly("set by a grader: B was ambiguous in the printed version");
        assertThatThrownBy(() -> Grader.override(SEED_2_1, dec("4.5"), "too much"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 4");
        assertThatThrownBy(() -> Grader.override(SEED_2_1, dec("1"), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a comment");
    }
}
