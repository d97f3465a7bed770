package org.quizdesk.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Decimal helpers shared by the scorers: one scale convention and one way of writing numbers in reasons. */
final class Scores {

    static final String MINUS = "\u2212";

    private Scores() {
    }

    /**
     * At least two decimal places and never fewer than the value needs, so that 4, 4.0 and 4.00 are all
     * 4.00 (equal by equals()) while 0.125 keeps its third place.
     */
    static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2, RoundingMode.UNNECESSARY) : stripped;
    }

    static BigDecimal clamp(BigDecimal value, BigDecimal max) {
        if (value.signum() < 0) {
            return BigDecimal.ZERO;
        }
        return value.compareTo(max) > 0 ? max : value;
    }

    /** A number as people write it: 4, 2.5, 1.33 (no trailing zeros, no exponent). */
    static String display(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() < 0) {
            stripped = stripped.setScale(0, RoundingMode.UNNECESSARY);
        }
        String plain = stripped.toPlainString();
        return plain.startsWith("-") ? MINUS + plain.substring(1) : plain;
    }

    /** A signed amount for reasons: +1, −2, +0.5. */
    static String signed(BigDecimal value) {
        return value.signum() < 0 ? display(value) : "+" + display(value);
    }
}
