package org.quizdesk.attempt;

/**
 * What an entry of an attempt's evidence timeline records. Kinds that are stored as events ({@link #stored()}) are
 * written to {@code attempt_event} when they happen, through {@link AttemptEvidence#record}; saves per minute and
 * access refusals and the proctor's actions have tables of their own and join the timeline when it is read. A new
 * kind is one more constant here and one more {@code admin.evidence.kind.*} text.
 */
public enum EvidenceKind {
    /** The attempt started; detail: the address and browser. */
    STARTED,
    /** Saves in one minute; detail: none (the count is the entry's number). */
    SAVES,
    /** A save came from another address than the last one; detail: "old -> new". */
    ADDRESS_CHANGED,
    /** A save came from another browser than the last one; detail: "old -> new". */
    BROWSER_CHANGED,
    /** A request refused by the quiz's access rules (one entry per rule and minute); detail: the rule and address. */
    REFUSED,
    /**
     * A proctor's action that reached this attempt: its own (extend, submit) or the class's while it was running
     * (extend everyone, pause, resume, close, an announcement); detail: what and why. Read from the proctor's log.
     */
    PROCTOR,
    /** The attempt was submitted; detail: by whom (STUDENT, DEADLINE or STAFF). */
    SUBMITTED;

    /** Whether this kind is an {@code attempt_event} row (the others are read from their own tables). */
    public boolean stored() {
        return this != SAVES && this != REFUSED && this != PROCTOR;
    }
}
