package org.quizdesk.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizdesk.grading.QuizFixtures.trueFalse;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quizdesk.quiz.TrueFalseQuestion;

class TrueFalseGradingTest {

    private final TrueFalseQuestion keyFalse = trueFalse("1.1", "1", false);
    private final TrueFalseQuestion keyTrue = trueFalse("1.4", "1.5", true);

    @Test
    void rightAnswerScoresFullPoints() {
        QuestionScore score = Grader.grade(keyTrue, Optional.of(new Answer.TrueFalse(true)));

        assertThat(score.score()).isEqualByComparingTo("1.5");
        assertThat(score.reasons()).containsExactly("correct");
        assertThat(score.pending()).isFalse();
    }

    @Test
    void wrongAnswerScoresZeroAndSaysWhatTheKeyIs() {
        QuestionScore score = Grader.grade(keyFalse, Optional.of(new Answer.TrueFalse(true)));

        assertThat(score.score()).isEqualByComparingTo("0");
        assertThat(score.reasons()).containsExactly("answered True; the answer is False");
    }

    @Test
    void wrongFalseAnswer() {
        QuestionScore score = Grader.grade(keyTrue, Optional.of(new Answer.TrueFalse(false)));

        assertThat(score.score()).isEqualByComparingTo("0");
        assertThat(score.reasons()).containsExactly("answered False; the answer is True");
    }

    @Test
    void blankScoresZeroNeverNegative() {
        QuestionScore score = Grader.grade(keyFalse, Optional.empty());

        assertThat(score.score()).isEqualByComparingTo("0");
        assertThat(score.score().signum()).isZero();
        assertThat(score.reasons()).containsExactly("left blank");
    }

    @Test
    void anAnswerOfAnotherKindEarnsNothing() {
        QuestionScore score = Grader.grade(keyFalse, Optional.of(new Answer.Text("false")));

        assertThat(score.score()).isEqualByComparingTo("0");
        assertThat(score.reasons()).singleElement().asString().contains("does not fit");
    }

    @Test
    void scoresUseTwoDecimalPlacesSoTheyCompareWithEquals() {
        QuestionScore score = Grader.grade(keyFalse, Optional.of(new Answer.TrueFalse(false)));

        assertThat(score.score()).isEqualTo(new java.math.BigDecimal("1.00"));
        assertThat(score.max()).isEqualTo(new java.math.BigDecimal("1.00"));
    }
}
