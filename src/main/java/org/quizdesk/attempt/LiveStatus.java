package org.quizdesk.attempt;

/** A rostered student's state on a quiz, as the control room shows and filters it. */
public enum LiveStatus {
    NOT_STARTED,
    IN_PROGRESS,
    /** Submitted by the student or by staff. */
    SUBMITTED,
    /** Submitted by the server when the time and grace ran out. */
    TIME_RAN_OUT
}
