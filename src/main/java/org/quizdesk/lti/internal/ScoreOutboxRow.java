package org.quizdesk.lti.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** A student's score for one line item: waiting to be sent, sent, or failed for good. */
@Entity
@Table(name = "lti_score_outbox")
public class ScoreOutboxRow {

    /** Where a score stands. */
    public enum Status {
        /** due at {@code nextTryAt} (first try, or a retry after a failure) */
        PENDING,
        /** the platform took it */
        SENT,
        /** gave up after the last try; "send again" starts over */
        FAILED,
        /** not sent while a question waits for a grader; the grade sends it */
        WAITING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long lineItemId;
    private long accountId;
    private String subject;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int tries;
    private Instant nextTryAt;
    private String lastError;
    private BigDecimal sentScore;
    private Instant sentAt;

    protected ScoreOutboxRow() {
    }

    public ScoreOutboxRow(long lineItemId, long accountId, String subject, Instant now) {
        this.lineItemId = lineItemId;
        this.accountId = accountId;
        this.subject = subject;
        due(now);
    }

    /** Send (again) at once: a release, a changed score, or staff's "send again". */
    public void due(Instant now) {
        status = Status.PENDING;
        tries = 0;
        nextTryAt = now;
        lastError = null;
    }

    /** The LMS user the score goes to, as the links say at the post (a removed link's user no longer). */
    public void addressTo(String subject) {
        this.subject = subject;
    }

    public void sent(BigDecimal score, Instant at) {
        status = Status.SENT;
        sentScore = score;
        sentAt = at;
        lastError = null;
    }

    public void waitForGrading() {
        status = Status.WAITING;
    }

    /** A failed try: retried after {@code retryAfter}, or given up once {@code maxTries} were made. */
    public void failed(String error, Instant now, Duration retryAfter, int maxTries) {
        tries++;
        lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        if (tries >= maxTries) {
            status = Status.FAILED;
        } else {
            status = Status.PENDING;
            nextTryAt = now.plus(retryAfter);
        }
    }

    public Long getId() {
        return id;
    }

    public long getLineItemId() {
        return lineItemId;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getSubject() {
        return subject;
    }

    public Status getStatus() {
        return status;
    }

    public int getTries() {
        return tries;
    }

    public Instant getNextTryAt() {
        return nextTryAt;
    }

    public String getLastError() {
        return lastError;
    }

    public BigDecimal getSentScore() {
        return sentScore;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
