package org.quizdesk.attempt.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One change of a question's score after submission: who, when, old, new, why. Never updated or deleted. */
@Entity
@Table(name = "score_change")
public class ScoreChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long attemptId;

    private String questionId;

    private BigDecimal oldScore;

    private BigDecimal newScore;

    private Long changedBy;

    private Instant changedAt;

    private String reason;

    protected ScoreChange() {
    }

    public ScoreChange(long attemptId, String questionId, BigDecimal oldScore, BigDecimal newScore, long changedBy,
            Instant changedAt, String reason) {
        this.attemptId = attemptId;
        this.questionId = questionId;
        this.oldScore = oldScore;
        this.newScore = newScore;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.reason = reason.length() > 2000 ? reason.substring(0, 1999) + "\u2026" : reason;
    }

    public Long getId() {
        return id;
    }

    public Long getAttemptId() {
        return attemptId;
    }

    public String getQuestionId() {
        return questionId;
    }

    public BigDecimal getOldScore() {
        return oldScore;
    }

    public BigDecimal getNewScore() {
        return newScore;
    }

    public Long getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getReason() {
        return reason;
    }
}
