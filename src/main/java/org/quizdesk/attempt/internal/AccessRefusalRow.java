package org.quizdesk.attempt.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.quizdesk.quiz.AccessRule;

/** A request refused by an access rule; at most one per student, rule and minute (a unique key). Never updated. */
@Entity
@Table(name = "access_refusal")
public class AccessRefusalRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String quizId;

    private Long accountId;

    @Enumerated(EnumType.STRING)
    private AccessRule rule;

    /** The minute of {@link #refusedAt}, the bound's key. */
    private Instant refusedMinute;

    private Instant refusedAt;

    private String address;

    protected AccessRefusalRow() {
    }

    public AccessRefusalRow(String quizId, long accountId, AccessRule rule, Instant refusedAt, String address) {
        this.quizId = quizId;
        this.accountId = accountId;
        this.rule = rule;
        this.refusedMinute = refusedAt.truncatedTo(ChronoUnit.MINUTES);
        this.refusedAt = refusedAt;
        this.address = address == null || address.length() <= 64 ? address : address.substring(0, 64);
    }

    public String getQuizId() {
        return quizId;
    }

    public long getAccountId() {
        return accountId;
    }

    public AccessRule getRule() {
        return rule;
    }

    public Instant getRefusedMinute() {
        return refusedMinute;
    }

    public Instant getRefusedAt() {
        return refusedAt;
    }

    public String getAddress() {
        return address;
    }
}
