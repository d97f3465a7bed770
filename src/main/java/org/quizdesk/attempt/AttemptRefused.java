package org.quizdesk.attempt;

/** A request about an attempt that is refused, with a reason the student can read. */
public class AttemptRefused extends RuntimeException {

    public enum Why {
        NOT_FOUND, NOT_OPEN, ALREADY_SUBMITTED, TIME_UP, INVALID_ANSWERS, TOO_LARGE, BAD_SIGNATURE
    }

    private final Why why;

    public AttemptRefused(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }

    static AttemptRefused notFound() {
        return new AttemptRefused(Why.NOT_FOUND, "There is no such attempt for your account.");
    }
}
