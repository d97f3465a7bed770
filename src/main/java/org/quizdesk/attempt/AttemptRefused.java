package org.quizdesk.attempt;

import java.time.Duration;

/** A request about an attempt that is refused, with a reason the student can read. */
public class AttemptRefused extends RuntimeException {

    public enum Why {
        NOT_FOUND, NOT_OPEN, ALREADY_SUBMITTED, TIME_UP, INVALID_ANSWERS, TOO_LARGE, BAD_SIGNATURE, TOO_FAST
    }

    private final Why why;
    private final Duration retryAfter;

    public AttemptRefused(Why why, String message) {
        this(why, message, null);
    }

    private AttemptRefused(Why why, String message, Duration retryAfter) {
        super(message);
        this.why = why;
        this.retryAfter = retryAfter;
    }

    public Why why() {
        return why;
    }

    /** How long the client should wait before trying again; null when trying again cannot help. */
    public Duration retryAfter() {
        return retryAfter;
    }

    static AttemptRefused tooFast(Duration retryAfter) {
        return new AttemptRefused(Why.TOO_FAST, "Saving too often; your answers stay on this page and are sent again in a moment.",
                retryAfter);
    }

    static AttemptRefused notFound() {
        return new AttemptRefused(Why.NOT_FOUND, "There is no such attempt for your account.");
    }
}
