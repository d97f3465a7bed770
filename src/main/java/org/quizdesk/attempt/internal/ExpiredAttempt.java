package org.quizdesk.attempt.internal;

import java.time.Duration;
import java.time.Instant;
import org.quizdesk.system.Outage;

/** An open attempt past its deadline, as the expiry job reads it: no answers loaded. */
public record ExpiredAttempt(Long id, String quizId, Instant deadline) {

    /** Whether its final answers may still come: its time ran out in the outage, and the window after it is open. */
    public boolean awaitsFinalAnswersAfter(Outage outage, Instant now, Duration grace, Duration window) {
        return Attempt.ranOutDuring(outage, deadline, grace) && now.isBefore(outage.to().plus(window));
    }
}
