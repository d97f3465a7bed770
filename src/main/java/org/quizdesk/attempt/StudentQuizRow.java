package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** One line of a student's quiz list. */
public record StudentQuizRow(
        String quizId,
        String title,
        String course,
        Duration timeLimit,
        BigDecimal maxPoints,
        State state,
        Instant opens,
        Instant closes,
        Long attemptId,
        Instant deadline,
        BigDecimal total,
        boolean provisional) {

    /** Shown through the message bundle ({@code list.state.*}), in the student's language. */
    public enum State {
        NOT_OPEN_YET, OPEN, CLOSED, IN_PROGRESS, SUBMITTED, RELEASED
    }
}
