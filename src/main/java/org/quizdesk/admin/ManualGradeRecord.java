package org.quizdesk.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.quizdesk.attempt.QuestionScoreRecord;

/** A grader's decision on a hand-graded answer, kept so it can be re-applied when rubric points or the quiz change. */
@Entity
@Table(name = "manual_grade")
@IdClass(QuestionScoreRecord.Key.class) // one grade per answer: the same key as the answer's score
class ManualGradeRecord {

    @Id
    private Long attemptId;

    @Id
    private String questionId;

    /** JSON list of rubric item ids. */
    private String rubricItems;

    private BigDecimal adjustment;

    @Column(name = "grade_comment")
    private String comment;

    private Long graderId;

    private Instant gradedAt;

    protected ManualGradeRecord() {
    }

    ManualGradeRecord(long attemptId, String questionId) {
        this.attemptId = attemptId;
        this.questionId = questionId;
    }

    void set(String rubricItems, BigDecimal adjustment, String comment, long graderId, Instant gradedAt) {
        this.rubricItems = rubricItems;
        this.adjustment = adjustment;
        this.comment = comment;
        this.graderId = graderId;
        this.gradedAt = gradedAt;
    }

    Long getAttemptId() {
        return attemptId;
    }

    String getQuestionId() {
        return questionId;
    }

    String getRubricItems() {
        return rubricItems;
    }

    BigDecimal getAdjustment() {
        return adjustment;
    }

    String getComment() {
        return comment;
    }

    Long getGraderId() {
        return graderId;
    }

    Instant getGradedAt() {
        return gradedAt;
    }
}
