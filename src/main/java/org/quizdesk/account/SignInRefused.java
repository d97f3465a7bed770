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
        super(message(reason, minutes(retryAfter)));
        this.reason = reason;
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    Reason reason() {
        return reason;
    }

    boolean busy() {
        return reason == Reason.BUSY;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    long retryAfterMinutes() {
        return minutes(retryAfter);
    }

    /** Whole seconds, rounded up (Retry-After takes whole seconds), at least one. */
    private static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }

    /** Whole minutes, rounded up, as the page and the message say them. */
    private static long minutes(Duration wait) {
        return Math.max(1, (seconds(wait) + 59) / 60);
    }

    private static String message(Reason reason, long minutes) {
        String wait = "try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
        return switch (reason) {
            case DEVICE -> "Too many failed sign-ins for this net ID from this device; " + wait;
            case NETWORK -> "Too many failed sign-ins from this network; " + wait;
            case ACCOUNT -> "Too many failed sign-ins for this net ID from unfamiliar devices; sign in from a device you "
                    + "have used before, or " + wait;
            case BUSY -> "Many people are signing in right now, so sign-ins take turns; " + wait;
        };
    }
}
