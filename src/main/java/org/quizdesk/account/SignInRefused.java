package org.quizdesk.account;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in turned away before its password was checked: too many failures from its source, or the server is busy. */
final class SignInRefused extends AuthenticationException {

    /** Whose failures refused the try; the sign-in page words its message after it. */
    enum Reason {
        /** this net id from this device (or this address, for a device the server does not know) */
        DEVICE,
        /** any net id from this network address */
        NETWORK,
        /** this net id from devices the server does not know, across addresses, and this address has failed for it too */
        ACCOUNT,
        /** every password check slot is taken */
        BUSY
    }

    private final Reason reason;
    private final Duration retryAfter;

    SignInRefused(Reason reason, Duration retryAfter) {
        super(message(reason, retryAfter));
        this.reason = reason;
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    Reason reason() {
        return reason;
    }

    boolean busy() {
        return reason == Reason.BUSY;
    }

    long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
    }

    long retryAfterMinutes() {
        return Math.max(1, (retryAfterSeconds() + 59) / 60);
    }

    private static String message(Reason reason, Duration retryAfter) {
        long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        String wait = "try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
        return switch (reason) {
            case DEVICE -> "Too many failed sign-ins for this net ID from this device; " + wait;
            case NETWORK -> "Too many failed sign-ins from this network; " + wait;
            case ACCOUNT -> "Too many failed sign-ins for this net ID from unfamiliar devices; sign in from a device you "
                    + "have used before, or " + wait;
            case BUSY -> "Many people are signing in right now; please try again in a few seconds.";
        };
    }
}
