package org.quizdesk.attempt;

/** Who ended an attempt: the student, the server when the deadline passed, or course staff. */
public enum SubmittedBy {
    STUDENT, DEADLINE, STAFF
}
