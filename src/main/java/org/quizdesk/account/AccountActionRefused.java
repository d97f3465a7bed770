package org.quizdesk.account;

/** An account action an instructor may not take; mapped to an HTTP status by the page that offers it. */
public class AccountActionRefused extends RuntimeException {

    public enum Why {
        /** There is no account with that id. */
        NOT_FOUND,
        /** Instructors may not lock themselves out: disable their own account or reset their own password here. */
        OWN_ACCOUNT
    }

    private final Why why;

    AccountActionRefused(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
