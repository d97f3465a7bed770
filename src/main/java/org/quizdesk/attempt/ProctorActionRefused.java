package org.quizdesk.attempt;

/**
 * A proctor action that cannot be carried out as asked (extend a submitted attempt, resume a quiz that is not
 * paused); the message says why, for staff. Nothing was changed or recorded.
 */
public class ProctorActionRefused extends RuntimeException {

    public ProctorActionRefused(String message) {
        super(message);
    }
}
