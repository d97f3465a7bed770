package org.quizdesk.lti.internal;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** Which account a platform's user (issuer and {@code sub}) is. */
@Entity
@Table(name = "lti_account_link")
public class AccountLinkRow {

    @Embeddable
    public record Key(String issuer, String subject) implements Serializable {
    }

    @EmbeddedId
    private Key id;
    private long accountId;
    private Instant createdAt;

    protected AccountLinkRow() {
    }

    public AccountLinkRow(String issuer, String subject, long accountId, Instant createdAt) {
        this.id = new Key(issuer, subject);
        this.accountId = accountId;
        this.createdAt = createdAt;
    }

    public Key getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
