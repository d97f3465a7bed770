package org.quizdesk.lti.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A framed launch handed over to a new tab: who it signs in and where they land, until it is used or expires. */
@Entity
@Table(name = "lti_handoff")
public class HandoffRow {

    @Id
    private String codeDigest;
    private long accountId;
    private String landing;
    private Instant expiresAt;
    private Instant usedAt;

    protected HandoffRow() {
    }

    public HandoffRow(String codeDigest, long accountId, String landing, Instant expiresAt) {
        this.codeDigest = codeDigest;
        this.accountId = accountId;
        this.landing = landing;
        this.expiresAt = expiresAt;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getLanding() {
        return landing;
    }
}
