package org.quizdesk.attempt.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A student's accommodation on one quiz: more time, and/or a window of their own. */
@Entity
@Table(name = "accommodation")
@IdClass(Accommodation.Key.class)
public class Accommodation {

    @Id
    private String quizId;

    @Id
    private Long accountId;

    private BigDecimal timeFactor = BigDecimal.ONE;

    private int extraMinutes;

    private Instant opensAt;

    private Instant closesAt;

    protected Accommodation() {
    }

    public Accommodation(String quizId, long accountId) {
        this.quizId = quizId;
        this.accountId = accountId;
    }

    public String getQuizId() {
        return quizId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public BigDecimal getTimeFactor() {
        return timeFactor;
    }

    public int getExtraMinutes() {
        return extraMinutes;
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public void setExtraTime(BigDecimal timeFactor, int extraMinutes) {
        if (timeFactor.signum() <= 0 || extraMinutes < 0) {
            throw new IllegalArgumentException("extra time must be a positive factor and non-negative minutes");
        }
        this.timeFactor = timeFactor;
        this.extraMinutes = extraMinutes;
    }

    public void setWindow(Instant opensAt, Instant closesAt) {
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }

    public static class Key implements Serializable {
        private String quizId;
        private Long accountId;

        protected Key() {
        }

        public Key(String quizId, Long accountId) {
            this.quizId = quizId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(quizId, key.quizId) && Objects.equals(accountId, key.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(quizId, accountId);
        }
    }
}
