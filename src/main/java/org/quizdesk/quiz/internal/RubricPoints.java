package org.quizdesk.quiz.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A rubric item's points as changed in the panel, in place of the quiz file's. */
@Entity
@Table(name = "rubric_points")
@IdClass(RubricPoints.Key.class)
public class RubricPoints {

    @Id
    private String quizId;

    @Id
    private String questionId;

    @Id
    private String itemId;

    private BigDecimal points;

    private Long changedBy;

    private Instant changedAt;

    protected RubricPoints() {
    }

    public RubricPoints(String quizId, String questionId, String itemId) {
        this.quizId = quizId;
        this.questionId = questionId;
        this.itemId = itemId;
    }

    public void set(BigDecimal points, long changedBy, Instant changedAt) {
        this.points = points;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public String getItemId() {
        return itemId;
    }

    public BigDecimal getPoints() {
        return points;
    }

    public static class Key implements Serializable {
        private String quizId;
        private String questionId;
        private String itemId;

        protected Key() {
        }

        public Key(String quizId, String questionId, String itemId) {
            this.quizId = quizId;
            this.questionId = questionId;
            this.itemId = itemId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(quizId, key.quizId) && Objects.equals(questionId, key.questionId)
                    && Objects.equals(itemId, key.itemId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(quizId, questionId, itemId);
        }
    }
}
