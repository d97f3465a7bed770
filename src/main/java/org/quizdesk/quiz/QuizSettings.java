package org.quizdesk.quiz;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A quiz as the database knows it: its current version and the settings staff keep outside the file. */
@Entity
@Table(name = "quiz")
public class QuizSettings {

    @Id
    private String id;

    private String title;

    @Column(name = "current_version_id")
    private Long currentVersionId;

    /** A new quiz starts hidden from students (see QuizProperties#publishNew). */
    private boolean published;

    private Instant opensAt;

    private Instant closesAt;

    /** Overrides the file's time limit when set. */
    private Integer timeLimitSeconds;

    /** Overrides the application's default grace period when set. */
    private Integer graceSeconds;

    private boolean scoresReleased;

    private boolean solutionsReleased;

    private Instant createdAt;

    protected QuizSettings() {
    }

    QuizSettings(String id, String title, Instant createdAt) {
        this.id = id;
        this.title = title;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Long getCurrentVersionId() {
        return currentVersionId;
    }

    void setCurrentVersion(long versionId, String title) {
        this.currentVersionId = versionId;
        this.title = title;
    }

    public boolean isPublished() {
        return published;
    }

    public void setPublished(boolean published) {
        this.published = published;
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public void setWindow(Instant opensAt, Instant closesAt) {
        if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("the window must close after it opens");
        }
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }

    /** Whether students may start the quiz at this instant (published and inside its window). */
    public boolean isOpenAt(Instant now) {
        return published && (opensAt == null || !now.isBefore(opensAt)) && (closesAt == null || now.isBefore(closesAt));
    }

    public Duration timeLimitOr(Duration fileLimit) {
        return timeLimitSeconds == null ? fileLimit : Duration.ofSeconds(timeLimitSeconds);
    }

    public Integer getTimeLimitSeconds() {
        return timeLimitSeconds;
    }

    public void setTimeLimitSeconds(Integer timeLimitSeconds) {
        this.timeLimitSeconds = timeLimitSeconds;
    }

    public Duration graceOr(Duration defaultGrace) {
        return graceSeconds == null ? defaultGrace : Duration.ofSeconds(graceSeconds);
    }

    public Integer getGraceSeconds() {
        return graceSeconds;
    }

    public void setGraceSeconds(Integer graceSeconds) {
        this.graceSeconds = graceSeconds;
    }

    public boolean isScoresReleased() {
        return scoresReleased;
    }

    public void setScoresReleased(boolean scoresReleased) {
        this.scoresReleased = scoresReleased;
    }

    public boolean isSolutionsReleased() {
        return solutionsReleased;
    }

    public void setSolutionsReleased(boolean solutionsReleased) {
        this.solutionsReleased = solutionsReleased;
    }
}
