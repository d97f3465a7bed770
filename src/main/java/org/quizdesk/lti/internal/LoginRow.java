package org.quizdesk.lti.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A login initiation in flight: the state and nonce its launch must bring back, once. */
@Entity
@Table(name = "lti_login")
public class LoginRow {

    @Id
    private String state;
    private String nonce;
    private long platformId;
    private Instant createdAt;
    private Instant usedAt;

    protected LoginRow() {
    }

    public LoginRow(String state, String nonce, long platformId, Instant createdAt) {
        this.state = state;
        this.nonce = nonce;
        this.platformId = platformId;
        this.createdAt = createdAt;
    }

    public String getState() {
        return state;
    }

    public String getNonce() {
        return nonce;
    }

    public long getPlatformId() {
        return platformId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
