package org.quizdesk.account.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.quizdesk.account.PasswordSetup;

/** A one-time code with which a new account sets its own password; deleted when used. */
@Entity
@Table(name = "password_setup")
public class PasswordSetupRow {

    @Id
    private Long accountId;

    private String code;

    private Instant createdAt;

    private Instant expiresAt;

    /** Issued by a password reset: shown once to the instructor, left out of the roster's export. */
    private boolean reset;

    protected PasswordSetupRow() {
    }

    public PasswordSetupRow(long accountId, String code, Instant createdAt, Instant expiresAt, boolean reset) {
        this.accountId = accountId;
        this.reset = reset;
        this.code = code;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getCode() {
        return code;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public boolean isReset() {
        return reset;
    }

    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    public PasswordSetup toPasswordSetup() {
        return new PasswordSetup(accountId, code, createdAt, expiresAt, reset);
    }
}
