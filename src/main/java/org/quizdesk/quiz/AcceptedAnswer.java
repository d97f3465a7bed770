package org.quizdesk.quiz;

import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.util.List;

/** One accepted answer of a short-answer question; matching lives in the grading package. */
public sealed interface AcceptedAnswer {

    /** A tensor shape such as 4 x 4 x 5: the dimensions, in order. */
    record Shape(List<Integer> dimensions) implements AcceptedAnswer {
        public Shape {
            dimensions = List.copyOf(dimensions);
        }
    }

    /**
     * A number, accepted within the tolerance.
     *
     * @param tolerance absolute, or a fraction of the value when relative; zero for an exact match
     */
    record Number(BigDecimal value, BigDecimal tolerance, boolean relative) implements AcceptedAnswer {
    }

    /**
     * A number computed from the question's parameters ({@code expr: "x * y / 2"}), accepted within the tolerance
     * as {@link Number} is. Only a quiz file has these: a student's version ({@link StudentVersion}) carries the
     * computed {@link Number} instead, so grading needs no expression engine.
     */
    record Expression(QuizExpression expression, BigDecimal tolerance, boolean relative) implements AcceptedAnswer {
    }

    /** Text, matched after trimming, folding case and collapsing whitespace. */
    record Text(String text) implements AcceptedAnswer {
    }

    /** A regular expression that must match the whole (trimmed) answer; RE2 syntax, matched in linear time. */
    record Regex(Pattern pattern) implements AcceptedAnswer {
    }
}
