package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expressions of quiz files: exact decimals, errors in words, names checked, nothing random. */
class QuizExpressionTest {

    private static Object eval(String text, Map<String, Object> values) {
        return QuizExpression.parse(text).evaluate(values);
    }

    @Test
    void decimalsAreExactNotBinaryFloatingPoint() {
        assertThat((BigDecimal) eval("0.1 + 0.2", Map.of())).isEqualByComparingTo("0.3");
        assertThat(QuizExpression.display(eval("0.1 + 0.2", Map.of()))).isEqualTo("0.3");
        assertThat(QuizExpression.display(eval("x * y / 2", Map.of("x", new BigDecimal("2.5"), "y", new BigDecimal("3")))))
                .isEqualTo("3.75");
        assertThat(QuizExpression.display(eval("10 * 10", Map.of()))).as("no 1E+2").isEqualTo("100");
    }

    @Test
    void aResultWithMoreDigitsIsRoundedToThirtyFourSignificantDigitsOrByRound() {
        assertThat(QuizExpression.display(eval("2 / 3", Map.of()))).isEqualTo("0." + "6".repeat(33) + "7");
        assertThat(QuizExpression.display(eval("ROUND(2 / 3, 2)", Map.of()))).isEqualTo("0.67");
        assertThat(QuizExpression.display(eval("ROUND(2.5, 0)", Map.of()))).as("half up, as people round")
                .isEqualTo("3");
        assertThat(QuizExpression.display(eval("SQRT(16)", Map.of()))).isEqualTo("4");
    }

    @Test
    void divisionByZeroIsReportedInWords() {
        assertThatThrownBy(() -> eval("1 / (x - 3)", Map.of("x", new BigDecimal(3))))
                .isInstanceOf(QuizExpression.InvalidExpression.class)
                .hasMessageContaining("\"1 / (x - 3)\" cannot be evaluated").hasMessageContaining("zero");
    }

    @Test
    void conditionsAndWordsWork() {
        assertThat(eval("x != y", Map.of("x", BigDecimal.ONE, "y", BigDecimal.valueOf(2)))).isEqualTo(true);
        assertThat(eval("a * b > 10", Map.of("a", BigDecimal.ONE, "b", BigDecimal.valueOf(2)))).isEqualTo(false);
        assertThat(eval("act == \"ReLU\"", Map.of("act", "ReLU"))).isEqualTo(true);
        assertThat(eval("IF(act == \"ReLU\", 0, -1)", Map.of("act", "tanh"))).isEqualTo(new BigDecimal(-1));
    }

    @Test
    void theNamesItUsesAreKnownWithoutTheConstants() {
        assertThat(QuizExpression.parse("x * PI + y").variables()).containsExactlyInAnyOrder("x", "y");
    }

    @Test
    void aSyntaxErrorOrAFunctionThatIsNotOnTheListIsNotAnExpression() {
        assertThatThrownBy(() -> QuizExpression.parse("x * (y + 2"))
                .isInstanceOf(QuizExpression.InvalidExpression.class).hasMessageContaining("is not an expression");
        // RANDOM would make a version impossible to re-derive from its seed
        assertThatThrownBy(() -> QuizExpression.parse("RANDOM()"))
                .isInstanceOf(QuizExpression.InvalidExpression.class).hasMessageContaining("RANDOM");
    }
}
