package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The parameters a question or a group declares: named values drawn per student, and the conditions a draw must
 * meet. Their values are drawn in {@link StudentVersion} from the attempt's seed; see docs/quiz-format.md.
 *
 * @param declared in the file's order: a computed value may use the ones above it
 * @param where conditions every draw must meet (else it is drawn again, from the same seeded stream)
 * @param inline the {@code {{= …}}} expressions of the question's texts, by their text, parsed once at load
 * @param line the line of {@code parameters:} (or of the question), for messages
 */
public record Parameters(List<Parameter> declared, List<QuizExpression> where, Map<String, QuizExpression> inline,
        int line) {

    public Parameters {
        declared = List.copyOf(declared);
        where = List.copyOf(where);
        inline = Map.copyOf(inline);
    }

    /** One named value. */
    public sealed interface Parameter {
        String name();
    }

    /** {@code from}, {@code from + step}, … up to {@code to}: exact decimals. */
    public record Range(String name, BigDecimal from, BigDecimal to, BigDecimal step) implements Parameter {

        /** How many values the range holds. */
        public long count() {
            return to.subtract(from).divideToIntegralValue(step).longValueExact() + 1;
        }

        public BigDecimal value(long index) {
            return from.add(step.multiply(BigDecimal.valueOf(index)));
        }
    }

    /** One of a list's entries: each a BigDecimal or a String. */
    public record Choice(String name, List<Object> values) implements Parameter {
        public Choice {
            values = List.copyOf(values);
        }
    }

    /** A value computed from the parameters above it. */
    public record Computed(String name, QuizExpression expression) implements Parameter {
    }
}
