package org.quizdesk.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Decimal helpers shared by the scorers: one scale convention (numbers in reasons are written by {@link Points}). */
final class Scores {

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
}
