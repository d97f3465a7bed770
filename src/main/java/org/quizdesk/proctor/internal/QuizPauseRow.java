package org.quizdesk.proctor.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A paused quiz: the row exists while the pause lasts. */
@Entity
@Table(name = "quiz_pause")
public class QuizPauseRow {

    @Id
    private String quizId;

    private Instant pausedAt;

    private Long pausedBy;

    protected QuizPauseRow() {
    }

    public QuizPauseRow(String quizId, Instant pausedAt, long pausedBy) {
        this.quizId = quizId;
        this.pausedAt = pausedAt;
        this.pausedBy = pausedBy;
    }

    public Instant getPausedAt() {
        return pausedAt;
    }
}
