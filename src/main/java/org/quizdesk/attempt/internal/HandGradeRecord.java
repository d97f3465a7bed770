package org.quizdesk.attempt.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.quizdesk.grading.HandGrade;

/** A grader's hand grade of one answer as stored, kept so it can be re-applied when rubric points or the quiz change. */
@Entity
@Table(name = "manual_grade")
@IdClass(QuestionScoreRecord.Key.class) // one grade per answer: the same key as the answer's score
public class HandGradeRecord {

    @Id
    private Long attemptId;

    @Id
    private String questionId;

    @Convert(converter = RubricItemsColumn.class)
    private Set<String> rubricItems;

    private BigDecimal adjustment;

    @Column(name = "grade_comment")
    private String comment;

    private Long graderId;

    private Instant gradedAt;

    protected HandGradeRecord() {
    }

    public HandGradeRecord(long attemptId, String questionId) {
        this.attemptId = attemptId;
        this.questionId = questionId;
    }

    public void set(HandGrade grade, long graderId, Instant gradedAt) {
        this.rubricItems = grade.rubricItemIds();
        this.adjustment = grade.adjustment();
        this.comment = grade.comment();
        this.graderId = graderId;
        this.gradedAt = gradedAt;
    }

    public Long getAttemptId() {
        return attemptId;
    }

    public String getQuestionId() {
        return questionId;
    }

    public HandGrade grade() {
        return new HandGrade(rubricItems, adjustment, comment);
    }
}
