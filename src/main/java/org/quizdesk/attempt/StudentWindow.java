package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.time.Instant;

/** When one student may take a quiz, and with how much time: the quiz's settings with their accommodation applied. */
public record StudentWindow(boolean published, Instant opens, Instant closes, BigDecimal timeFactor, int extraMinutes) {

    public boolean isOpenAt(Instant now) {
        return published && (opens == null || !now.isBefore(opens)) && (closes == null || now.isBefore(closes));
    }

    public boolean notYetOpenAt(Instant now) {
        return opens != null && now.isBefore(opens);
    }
}
