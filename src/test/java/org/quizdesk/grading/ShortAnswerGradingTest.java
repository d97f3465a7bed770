package org.quizdesk.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quizdesk.grading.QuizFixtures.*;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.ShortAnswerQuestion;

/** Auto-graded short answers: shape, number, text, regex. */
class ShortAnswerGradingTest {

    private static QuestionScore grade(ShortAnswerQuestion question, String answer) {
        return Grader.grade(question, Optional.of(new Answer.Text(answer)));
    }

    private static QuestionScore grade(AcceptedAnswer accepted, String answer) {
        return grade(shortAnswer("q", "2", accepted), answer);
    }

    @ParameterizedTest(name = "shape 4x4x5 accepts \"{0}\"")
    @ValueSource(strings = {"4x4x5", "4 × 4 × 5", "4*4*5", "4 by 4 by 5", "(4, 4, 5)", "[4,4,5]", "4 x 4 x 5",
        "4X4X5", "4 BY 4 BY 5", "  ( 4 ,4,  5 )  ", "4  \u00d7\u00a04\u00d75", "4 * 4 * 5", "[ 4 x 4 x 5 ]",
        "4 \\times 4 \\times 5", "04x4x5"})
    void shapeAcceptsEverySpelling(String answer) {
        QuestionScore score = grade(shape(4, 4, 5), answer);

        assertThat(score.score()).isEqualByComparingTo("2");
        assertThat(score.reasons()).containsExactly("correct");
    }

    @ParameterizedTest(name = "shape 4x4x5 rejects \"{0}\"")
    @ValueSource(strings = {"4x5x4", "5x4x4", "4x4", "4x4x5x1", "4 4 5", "(4,4,5]", "4x4x", "x4x4x5",
        "four by four by five", "-4x4x5", "80", "4.0x4x5", "4x4x5 ish", "((4,4,5))"})
    void shapeRejectsOtherOrdersAndNonShapes(String answer) {
        assertThat(grade(shape(4, 4, 5), answer).score()).isEqualByComparingTo("0");
    }

    @Test
    void wrongOrderSaysItIsNotAccepted() {
        QuestionScore score = grade(shape(4, 4, 5), "  4 x 5 x 4 ");

        assertThat(score.reasons()).containsExactly("\u201c4 x 5 x 4\u201d is not an accepted answer");
    }

    @Test
    void twoDimensionalShapeOfTheSeed() {
        assertThat(grade(SEED_3_1_2, "4x7").score()).isEqualByComparingTo("2");
        assertThat(grade(SEED_3_1_2, "7x4").score()).isEqualByComparingTo("0");
    }

    @ParameterizedTest(name = "0.25 exactly accepts \"{0}\"")
    @ValueSource(strings = {"0.25", ".25", "2.5e-1", "2.5E-1", "1/4", " 1 / 4 ", "+0.25", "0.250", "2/8", "25e-2"})
    void exactNumberAcceptsEverySpelling(String answer) {
        assertThat(grade(number("0.25", "0", false), answer).score()).isEqualByComparingTo("2");
    }

    @ParameterizedTest(name = "0.25 exactly rejects \"{0}\"")
    @ValueSource(strings = {"0.26", "0.2500001", "1/3", "1/0", "abc", "0.25.1", "-0.25", "1/4/2", "25%", "0,25"})
    void exactNumberRejectsTheRest(String answer) {
        assertThat(grade(number("0.25", "0", false), answer).score()).isEqualByComparingTo("0");
    }

    @ParameterizedTest(name = "3.14 ± 0.01 accepts \"{0}\"")
    @ValueSource(strings = {"3.14", "3.15", "3.13", "3.1416", "22/7", "314e-2"})
    void absoluteToleranceIncludesItsBounds(String answer) {
        assertThat(grade(number("3.14", "0.01", false), answer).score()).isEqualByComparingTo("2");
    }

    @ParameterizedTest(name = "3.14 ± 0.01 rejects \"{0}\"")
    @ValueSource(strings = {"3.151", "3.129", "3", "-3.14"})
    void absoluteToleranceRejectsOutside(String answer) {
        assertThat(grade(number("3.14", "0.01", false), answer).score()).isEqualByComparingTo("0");
    }

    @ParameterizedTest(name = "200 ± 5% accepts \"{0}\"")
    @ValueSource(strings = {"200", "210", "190", "2e2", "2.1e2", "400/2"})
    void relativeTolerance(String answer) {
        assertThat(grade(number("200", "0.05", true), answer).score()).isEqualByComparingTo("2");
    }

    @ParameterizedTest(name = "200 ± 5% rejects \"{0}\"")
    @ValueSource(strings = {"210.01", "189.99", "0.2"})
    void relativeToleranceRejectsOutside(String answer) {
        assertThat(grade(number("200", "0.05", true), answer).score()).isEqualByComparingTo("0");
    }

    @Test
    void relativeToleranceOfANegativeValueAndTheUnicodeMinus() {
        AcceptedAnswer.Number minusFifty = number("-50", "0.1", true);

        assertThat(grade(minusFifty, "-45").score()).isEqualByComparingTo("2");
        assertThat(grade(minusFifty, "\u221255").score()).isEqualByComparingTo("2");
        assertThat(grade(minusFifty, "-44").score()).isEqualByComparingTo("0");
        assertThat(grade(minusFifty, "45").score()).isEqualByComparingTo("0");
    }

    @Test
    void fractionsAreComparedExactlyNotRounded() {
        AcceptedAnswer.Number third = number("0.333", "0.0005", false);

        assertThat(grade(third, "1/3").score()).isEqualByComparingTo("2");
        assertThat(grade(number("0.3333", "0", false), "1/3").score()).isEqualByComparingTo("0");
    }

    @ParameterizedTest(name = "text ReLU accepts \"{0}\"")
    @ValueSource(strings = {"ReLU", "relu", "RELU", "  ReLU\t", "rElU"})
    void textFoldsCaseAndTrims(String answer) {
        assertThat(grade(text("ReLU"), answer).score()).isEqualByComparingTo("2");
    }

    @Test
    void textCollapsesWhitespaceButNeedsTheWords() {
        AcceptedAnswer.Text batchNorm = text("Batch  norm");

        assertThat(grade(batchNorm, "batch norm").score()).isEqualByComparingTo("2");
        assertThat(grade(batchNorm, " BATCH \t\n NORM ").score()).isEqualByComparingTo("2");
        assertThat(grade(batchNorm, "batchnorm").score()).isEqualByComparingTo("0");
        assertThat(grade(batchNorm, "batch norms").score()).isEqualByComparingTo("0");
    }

    @Test
    void regexMustMatchTheWholeTrimmedAnswer() {
        AcceptedAnswer.Regex relu = regex("(leaky )?ReLU");

        assertThat(grade(relu, " ReLU ").score()).isEqualByComparingTo("2");
        assertThat(grade(relu, "leaky ReLU").score()).isEqualByComparingTo("2");
        assertThat(grade(relu, "ReLU activation").score()).isEqualByComparingTo("0");
        assertThat(grade(relu, "relu").score()).as("case as the pattern says").isEqualByComparingTo("0");
        assertThat(grade(regex("(?i)(leaky )?relu"), "Leaky RELU").score()).isEqualByComparingTo("2");
    }

    @Test
    void aBacktrackingPatternOnALongAnswerIsGradedInLinearTime() {
        // with java.util.regex, (a+)+b against 10,000 a's backtracks for longer than anyone would wait
        AcceptedAnswer.Regex catastrophic = regex("(a+)+b");
        String answer = "a".repeat(10_000) + "c";

        QuestionScore score = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> grade(catastrophic, answer));

        assertThat(score.score()).isEqualByComparingTo("0");
        assertThat(grade(catastrophic, "a".repeat(10_000) + "b").score()).isEqualByComparingTo("2");
    }

    @Test
    void aWrongAnswerIsJustIncorrectBeforeRelease() {
        QuestionScore score = grade(shape(4, 4, 5), "4x5x4");

        assertThat(score.keyFreeReasons()).containsExactly("incorrect");
    }

    @Test
    void anyAcceptedEntryIsEnough() {
        ShortAnswerQuestion question = shortAnswer("q", "1.5", shape(4, 7), number("28", "0", false), text("four by seven"));

        assertThat(grade(question, "4 x 7").score()).isEqualByComparingTo("1.5");
        assertThat(grade(question, "28").score()).isEqualByComparingTo("1.5");
        assertThat(grade(question, "Four  by seven").score()).isEqualByComparingTo("1.5");
        assertThat(grade(question, "7 x 4").score()).isEqualByComparingTo("0");
    }

    @Test
    void blankAndWhitespaceOnlyAreLeftBlank() {
        QuestionScore blank = Grader.grade(SEED_3_1_1, Optional.empty());
        QuestionScore spaces = grade(SEED_3_1_1, "   \n ");

        assertThat(blank.score()).isEqualByComparingTo("0");
        assertThat(blank.reasons()).containsExactly("left blank");
        assertThat(spaces).isEqualTo(blank);
    }

    @Test
    void longWrongAnswersAreQuotedShort() {
        String reason = grade(SEED_3_1_1, "x".repeat(500)).reasons().get(0);

        assertThat(reason).hasSizeLessThan(120).contains("\u2026").endsWith("is not an accepted answer");
    }
}
