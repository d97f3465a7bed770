package org.quizdesk.attempt;

import java.time.Instant;

/** An open attempt past its deadline, as the expiry job reads it: no answers loaded. */
public record ExpiredAttempt(Long id, String quizId, Instant deadline) {
}
