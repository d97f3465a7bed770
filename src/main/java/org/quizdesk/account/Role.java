package org.quizdesk.account;

/** What an account may do: students take quizzes; TAs grade and export; instructors do everything. */
public enum Role {
    STUDENT, TA, INSTRUCTOR;

    /** The Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isStaff() {
        return this != STUDENT;
    }
}
