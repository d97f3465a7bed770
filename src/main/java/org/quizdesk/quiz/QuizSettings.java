package org.quizdesk.quiz;

import java.time.Duration;
import java.time.Instant;
import org.quizdesk.quiz.internal.QuizSettingsRow;

/**
 * A quiz's settings as the other features read them, at one moment: its current version and what staff keep outside
 * the file. Immutable; staff change them through {@link QuizSettingsService}.
 */
public final class QuizSettings {

    private final String id;
    private final String title;
    private final Long currentVersionId;
    private final boolean published;
    private final Instant opensAt;
    private final Instant closesAt;
    private final Integer timeLimitSeconds;
    private final Integer graceSeconds;
    private final boolean scoresReleased;
    private final boolean solutionsReleased;
    private final AccessRules access;

    private QuizSettings(QuizSettingsRow row) {
        this.id = row.getId();
        this.title = row.getTitle();
        this.currentVersionId = row.getCurrentVersionId();
        this.published = row.isPublished();
        this.opensAt = row.getOpensAt();
        this.closesAt = row.getClosesAt();
        this.timeLimitSeconds = row.getTimeLimitSeconds();
        this.graceSeconds = row.getGraceSeconds();
        this.scoresReleased = row.isScoresReleased();
        this.solutionsReleased = row.isSolutionsReleased();
        this.access = AccessRules.of(row.getAccessCodeMode(), row.getAccessCode(), row.getAccessCodeSecret(),
                row.getAccessCodeMinutes(), row.getAllowedNetworks(), row.getSebConfigKeys(), row.getSebBrowserExamKeys(),
                row.getSebQuitUrl());
    }

    static QuizSettings of(QuizSettingsRow row) {
        return new QuizSettings(row);
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

    /** A new quiz starts hidden from students (see QuizProperties#publishNew). */
    public boolean isPublished() {
        return published;
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    /** Whether students may start the quiz at this instant (published and inside its window). */
    public boolean isOpenAt(Instant now) {
        return published && (opensAt == null || !now.isBefore(opensAt)) && (closesAt == null || now.isBefore(closesAt));
    }

    /** Overrides the file's time limit when set. */
    public Integer getTimeLimitSeconds() {
        return timeLimitSeconds;
    }

    public Duration timeLimitOr(Duration fileLimit) {
        return timeLimitSeconds == null ? fileLimit : Duration.ofSeconds(timeLimitSeconds);
    }

    /** Overrides the application's default grace period when set. */
    public Integer getGraceSeconds() {
        return graceSeconds;
    }

    public Duration graceOr(Duration defaultGrace) {
        return graceSeconds == null ? defaultGrace : Duration.ofSeconds(graceSeconds);
    }

    public boolean isScoresReleased() {
        return scoresReleased;
    }

    public boolean isSolutionsReleased() {
        return solutionsReleased;
    }

    /** Who may start, save and submit: the access code, the address ranges, Safe Exam Browser. */
    public AccessRules getAccess() {
        return access;
    }
}
