package org.quizdesk.attempt.internal;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.quizdesk.quiz.Points;
import org.quizdesk.grading.QuestionScore;
import org.springframework.data.domain.Persistable;

/**
 * A question's score within an attempt as stored: the automatic score, the score that counts (which a
 * grader may have set), and the reasons, sentences a student understands.
 */
@Entity
@Table(name = "question_score")
@IdClass(QuestionScoreRecord.Key.class)
public class QuestionScoreRecord implements Persistable<QuestionScoreRecord.Key> {

    /** Rows are created once, at submission: telling JPA so saves a SELECT per question before each INSERT. */
    @Transient
    private boolean created = true;

    @Id
    private Long attemptId;

    @Id
    private String questionId;

    private BigDecimal maxPoints;

    private BigDecimal autoScore;

    private BigDecimal score;

    @Convert(converter = ReasonsColumn.class)
    private List<String> reasons;

    /** The reasons without the key, for students before solutions are released; null on rows stored before V6. */
    @Convert(converter = ReasonsColumn.class)
    private List<String> keyFreeReasons;

    private String overrideComment;

    protected QuestionScoreRecord() {
    }

    public QuestionScoreRecord(long attemptId, QuestionScore graded) {
        this.attemptId = attemptId;
        this.questionId = graded.questionId();
        this.maxPoints = graded.max();
        this.autoScore = graded.score();
        this.score = graded.score();
        this.reasons = graded.reasons();
        this.keyFreeReasons = graded.keyFreeReasons();
    }

    @Override
    public Key getId() {
        return new Key(attemptId, questionId);
    }

    @Override
    public boolean isNew() {
        return created;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        created = false;
    }

    public Long getAttemptId() {
        return attemptId;
    }

    public String getQuestionId() {
        return questionId;
    }

    public BigDecimal getMaxPoints() {
        return maxPoints;
    }

    public BigDecimal getAutoScore() {
        return autoScore;
    }

    public BigDecimal getScore() {
        return score;
    }

    /** The full reasons, which may name the key: for staff, and for students once solutions are released. */
    public List<String> getReasons() {
        return reasons;
    }

    /**
     * The reasons in general terms, naming no option or value of the key. A row stored before these were kept
     * says only how many points were lost, since its full reasons may name the key.
     */
    public List<String> getKeyFreeReasons() {
        if (keyFreeReasons != null) {
            return keyFreeReasons;
        }
        if (score == null) {
            return List.of("waiting for a grader");
        }
        if (score.compareTo(maxPoints) >= 0) {
            return List.of("full points");
        }
        return List.of(Points.inText(score.subtract(maxPoints)) + " of " + Points.inText(maxPoints) + " points");
    }

    /** The row as grading's value, for totals computed the one way ({@link org.quizdesk.grading.QuizScore#of}). */
    public QuestionScore toQuestionScore() {
        return new QuestionScore(questionId, score, maxPoints, reasons == null ? List.of() : reasons, getKeyFreeReasons());
    }

    public String getOverrideComment() {
        return overrideComment;
    }

    /** A score for a question the attempt had no row for (a question added by a regrade). */
    public static QuestionScoreRecord added(long attemptId, String questionId, BigDecimal maxPoints) {
        QuestionScoreRecord added = new QuestionScoreRecord();
        added.attemptId = attemptId;
        added.questionId = questionId;
        added.maxPoints = maxPoints;
        added.reasons = List.of();
        added.keyFreeReasons = List.of();
        return added;
    }

    /** Sets the score that counts (null: waiting for a grader), its reasons in both forms, and a grader's override comment or null. */
    public void setScore(QuestionScore graded, String overrideComment) {
        this.score = graded.score();
        this.reasons = graded.reasons();
        this.keyFreeReasons = graded.keyFreeReasons();
        this.overrideComment = overrideComment;
    }

    /** After a regrade: the question's points and automatic score in the quiz version the attempt now points at. */
    public void setAutomatic(BigDecimal maxPoints, BigDecimal autoScore) {
        this.maxPoints = maxPoints;
        this.autoScore = autoScore;
    }

    public boolean isOverridden() {
        return overrideComment != null;
    }

    public boolean isPending() {
        return score == null;
    }

    public static class Key implements Serializable {
        private Long attemptId;
        private String questionId;

        protected Key() {
        }

        public Key(Long attemptId, String questionId) {
            this.attemptId = attemptId;
            this.questionId = questionId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(attemptId, key.attemptId) && Objects.equals(questionId, key.questionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(attemptId, questionId);
        }
    }
}
