package org.quizdesk.account;

import java.time.Instant;

/**
 * A one-time code with which an account sets its own password.
 *
 * @param reset issued by a password reset: shown once to the instructor, left out of the roster's export
 */
public record PasswordSetup(long accountId, String code, Instant createdAt, Instant expiresAt, boolean reset) {
}
