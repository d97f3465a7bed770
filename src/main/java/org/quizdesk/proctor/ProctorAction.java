package org.quizdesk.proctor;

import java.time.Instant;

/**
 * One entry of the proctor's audit log: who did what to a quiz (or to one attempt of it), when and why.
 *
 * @param attemptId the attempt of a one-student action; null for the whole class
 * @param detail what the action changed, in words for staff ("+10 min", the announcement's text)
 * @param reason why, as staff typed it; null where the action asks for none
 */
public record ProctorAction(long id, String quizId, Long attemptId, long actorId, Kind kind, String detail, String reason,
        Instant at) {

    public enum Kind {
        EXTEND_ONE, EXTEND_ALL, PAUSE, RESUME, CLOSE, SUBMIT_ONE, ANNOUNCE, WITHDRAW
    }

    /** For the log line and the staff pages: "EXTEND_ALL" reads "extend all". */
    public String kindText() {
        return kind.name().toLowerCase().replace('_', ' ');
    }
}
