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

    public enum State {
        NOT_OPEN_YET, OPEN, CLOSED, IN_PROGRESS, SUBMITTED, RELEASED
    }

    public String stateLabel() {
        switch (state) {
            case NOT_OPEN_YET: return "Not open yet";
            case OPEN: return "Not started";
            case CLOSED: return "Closed";
            case IN_PROGRESS: return "In progress";
            case SUBMITTED: return "Submitted";
            default: return "Score released";
        }
    }
}
