package org.quizdesk.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizdesk.grading.QuizFixtures.withRule;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.MultiSelectScoring;

/**
 * all_or_nothing, net_correct, coverage and each_answer on one question, values computed by hand:
 * P = 4, options A B C true (C = 3), D E false, F either (n = 5).
 */
class RatioRulesScoringTest {

    private static final String OPTIONS = "A+ B+ C+ D- E- F?";

    private static QuestionScore grade(MultiSelectScoring rule, String selection) {
        MultiSelectQuestion question = withRule(rule, "4", OPTIONS);
        Answer.Selection answer = Answer.Selection.of(selection.isEmpty() ? new String[0] : selection.split(""));
        return Grader.grade(question, Optional.of(answer));
    }

    @ParameterizedTest(name = "all_or_nothing {0} = {1}")
    @CsvSource({"ABC, 4", "ABCF, 4", "AB, 0", "ABCD, 0", "'', 0", "ABCDEF, 0", "F, 0"})
    void allOrNothing(String selection, String expected) {
        assertThat(grade(MultiSelectScoring.ALL_OR_NOTHING, selection).score()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "net_correct {0} = {1}")
    @CsvSource({
        "ABC, 4",        // 4 × 3/3
        "AB, 2.67",      // 4 × 2/3 = 2.666…
        "ABD, 1.33",     // 4 × (2 − 1)/3
        "A, 1.33",       // 4 × 1/3
        "ADE, 0",        // (1 − 2)/3 < 0
        "ABCDEF, 1.33",  // 4 × (3 − 2)/3
        "F, 0",          // either only: nothing right
        "'', 0"})
    void netCorrect(String selection, String expected) {
        assertThat(grade(MultiSelectScoring.NET_CORRECT, selection).score()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "coverage {0} = {1}")
    @CsvSource({
        "ABC, 4",        // 4 × 3/3 × 3/3
        "A, 1.33",       // 4 × 1/3 × 1/1
        "ABD, 1.78",     // 4 × 2/3 × 2/3 = 1.777…
        "ABCDEF, 2.40",  // 4 × 3/3 × 3/5
        "AD, 0.67",      // 4 × 1/3 × 1/2 = 0.666…
        "D, 0",          // nothing correct selected
        "F, 0",
        "'', 0"})        // blank
    void coverage(String selection, String expected) {
        assertThat(grade(MultiSelectScoring.COVERAGE, selection).score()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "each_answer {0} = {1}")
    @CsvSource({
        "ABC, 4",        // 4 × (1 − 0/5)
        "AB, 3.20",      // 4 × (1 − 1/5)
        "ABD, 2.40",     // 4 × (1 − 2/5)
        "ABCDEF, 2.40",  // 4 × (1 − 2/5)
        "DE, 0",         // 4 × (1 − 5/5)
        "F, 1.60",       // either only: same as nothing selected
        "'', 1.60"})     // blank = nothing selected: 4 × (1 − 3/5)
    void eachAnswer(String selection, String expected) {
        assertThat(grade(MultiSelectScoring.EACH_ANSWER, selection).score()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0} rounds half up to two places")
    @CsvSource({"NET_CORRECT, AB, 2.67", "COVERAGE, ABD, 1.78", "EACH_ANSWER, AB, 3.20"})
    void divisionRoundsHalfUpToTwoPlaces(MultiSelectScoring rule, String selection, String expected) {
        QuestionScore score = grade(rule, selection);

        assertThat(score.score()).isEqualTo(new java.math.BigDecimal(expected));
        assertThat(score.score().scale()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}: an exact half cent rounds up")
    @CsvSource({"NET_CORRECT, A, 1.13", "COVERAGE, A, 1.13", "EACH_ANSWER, ABC, 3.38"})
    void exactHalfCentRoundsUp(MultiSelectScoring rule, String selection, String expected) {
        // P = 4.5, four correct options: 4.5 × 1/4 = 1.125 and 4.5 × 3/4 = 3.375, never banker's rounding
        MultiSelectQuestion question = withRule(rule, "4.5", "A+ B+ C+ D+");

        QuestionScore score = Grader.grade(question, Optional.of(Answer.Selection.of(selection.split(""))));

        assertThat(score.score()).isEqualTo(new java.math.BigDecimal(expected));
    }

    @ParameterizedTest(name = "{0} explains its formula")
    @CsvSource(delimiter = '|', value = {
        "NET_CORRECT | net correct (2 right, 1 wrong, 3 correct options): 4 \u00d7 max(0, (2 \u2212 1)/3) = 1.33",
        "COVERAGE | coverage (2 of 3 correct options, 2 of 3 selections right): 4 \u00d7 2/3 \u00d7 2/3 = 1.78",
        "EACH_ANSWER | each answer (2 of 5 options answered wrong): 4 \u00d7 (1 \u2212 2/5) = 2.4"})
    void reasonsNameTheMistakesThenTheFormula(MultiSelectScoring rule, String formula) {
        QuestionScore score = grade(rule, "ABD");

        assertThat(score.reasons()).containsExactly("missed C", "selected D", formula);
    }

    @ParameterizedTest(name = "{0}: a perfect answer says correct")
    @CsvSource({"ALL_OR_NOTHING", "NET_CORRECT", "COVERAGE", "EACH_ANSWER"})
    void perfectAnswerSaysCorrect(MultiSelectScoring rule) {
        QuestionScore score = grade(rule, "ABC");

        assertThat(score.reasons()).first().isEqualTo("correct");
        assertThat(score.score()).isEqualByComparingTo("4");
    }

    @ParameterizedTest(name = "{0} with half points")
    @CsvSource({"NET_CORRECT, AB, 1.67", "COVERAGE, ABD, 1.11", "EACH_ANSWER, AB, 2"})
    void halfPoints(MultiSelectScoring rule, String selection, String expected) {
        // P = 2.5: 2.5 × 2/3 = 1.666…; 2.5 × 4/9 = 1.111…; 2.5 × 4/5 = 2
        MultiSelectQuestion question = withRule(rule, "2.5", OPTIONS);

        QuestionScore score = Grader.grade(question, Optional.of(Answer.Selection.of(selection.split(""))));

        assertThat(score.score()).isEqualByComparingTo(expected);
    }
}
