package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * The absolute instant an attempt ends: start + time limit × the student's factor + extra minutes,
 * but never after the window closes. Fixed once, at the start, from the server's clock.
 */
final class AttemptDeadline {

    private AttemptDeadline() {
    }

    static Instant of(Instant start, Duration timeLimit, BigDecimal timeFactor, int extraMinutes, Instant windowCloses) {
        long limitSeconds = new BigDecimal(timeLimit.toSeconds()).multiply(timeFactor)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        Instant byTime = start.plusSeconds(limitSeconds).plus(Duration.ofMinutes(extraMinutes));
        return windowCloses != null && windowCloses.isBefore(byTime) ? windowCloses : byTime;
    }
}
