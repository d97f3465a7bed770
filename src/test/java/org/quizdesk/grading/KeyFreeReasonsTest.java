package org.quizdesk.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizdesk.grading.QuizFixtures.*;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.MultiSelectScoring;

/** The reasons a student sees before solutions are released: how many points were lost and why, never the key. */
class KeyFreeReasonsTest {

    private static final String M = "\u2212";

    @Test
    void aBlankMultiSelectSaysHowManyOptionsWereWrongWithoutNamingThem() {
        QuestionScore score = Grader.grade(SEED_2_1, Optional.empty());

        assertThat(score.reasons()).containsExactly("left blank", "missed A (" + M + "2)", "missed C (" + M + "2)");
        assertThat(score.keyFreeReasons()).containsExactly("left blank", "2 options wrong (" + M + "4)");
    }

    @Test
    void oneWrongOptionIsSingular() {
        QuestionScore score = Grader.grade(SEED_2_1, Optional.of(Answer.Selection.of("A", "C", "D")));

        assertThat(score.keyFreeReasons()).containsExactly("1 option wrong (" + M + "2)");
    }

    @Test
    void aCorrectAnswerReadsTheSameInBothForms() {
        QuestionScore score = Grader.grade(SEED_2_1, Optional.of(Answer.Selection.of("A", "C")));

        assertThat(score.keyFreeReasons()).containsExactly("correct").isEqualTo(score.reasons());
    }

    @Test
    void aWrongTrueFalseIsIncorrectNotTheAnswer() {
        QuestionScore score = Grader.grade(SEED_1_1, Optional.of(new Answer.TrueFalse(true)));

        assertThat(score.reasons()).containsExactly("answered True; the answer is False");
        assertThat(score.keyFreeReasons()).containsExactly("incorrect");
        assertThat(Grader.grade(SEED_1_1, Optional.empty()).keyFreeReasons()).containsExactly("left blank");
    }

    @Test
    void allOrNothingAndRatioRulesNameNoOption() {
        MultiSelectQuestion single = perError("s", "4", "2", "A+ B- C- D-");
        QuestionScore allOrNothing = Grader.grade(single, Optional.of(Answer.Selection.of("B")));
        MultiSelectQuestion ratio = multiSelect("r", "4", MultiSelectScoring.NET_CORRECT, MultiSelectScoring.NET_CORRECT,
                null, "A+ B- C+ D-");
        QuestionScore net = Grader.grade(ratio, Optional.of(Answer.Selection.of("A", "B")));

        assertThat(allOrNothing.keyFreeReasons()).containsExactly("2 options wrong",
                "all or nothing: any missed or wrong option scores 0");
        assertThat(net.keyFreeReasons()).hasSize(2).first().isEqualTo("2 options wrong");
        assertThat(String.join(" ", allOrNothing.keyFreeReasons()) + String.join(" ", net.keyFreeReasons()))
                .doesNotContainPattern("\\b[A-D]\\b");
    }

    @Test
    void rubricItemTextsStayWithStaffUntilRelease() {
        QuestionScore score = Grader.applyHandGrade(SEED_3_1_4,
                new HandGrade(Set.of("stride"), new BigDecimal("-0.5"), "see the margin"));

        assertThat(score.reasons()).contains("+1 " + STRIDE.text());
        assertThat(score.keyFreeReasons()).containsExactly("+1 rubric item", M + "0.5 adjustment: see the margin");
    }
}
