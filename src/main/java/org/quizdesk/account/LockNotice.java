package org.quizdesk.account;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Locale;

/**
 * What the sign-in page is told after a refused sign-in ({@code /signin?locked=device&minutes=5}, written by
 * {@link SignInAnswers}): whose failures refused it, and for how many minutes.
 */
record LockNotice(SignInRefused.Reason locked, @Min(1) @Max(9999) Integer minutes) {

    /** The reasons the page words on its own; any other reads as the general message. */
    String reasonShown() {
        return locked == null || locked == SignInRefused.Reason.BUSY ? "" : locked.name().toLowerCase(Locale.ROOT);
    }
}
