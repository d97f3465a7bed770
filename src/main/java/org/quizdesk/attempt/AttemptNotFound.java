package org.quizdesk.attempt;

/**
 * There is no such attempt (or not on the quiz the address names), asked for by course staff: answered 404 by
 * {@link AttemptNotFoundErrors} on every page and download. A student's own request for an attempt not theirs is an
 * {@link AttemptRefused} instead, which says so in the student's language.
 */
public class AttemptNotFound extends RuntimeException {

    public AttemptNotFound(long attemptId) {
        super("There is no such attempt (" + attemptId + ").");
    }
}
