package org.quizdesk.quiz.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.quizdesk.quiz.AccessChange;
import org.quizdesk.quiz.AccessRules;
import org.quizdesk.quiz.AddressRange;
import org.quizdesk.quiz.QuizSettings;
import org.quizdesk.quiz.SettingsChange;

/**
 * A quiz as the database knows it: its current version and the settings staff keep outside the file. It guards its
 * own rules (the window's order, solutions only with scores); other features read it as {@link QuizSettings}.
 */
@Entity
@Table(name = "quiz")
public class QuizSettingsRow {

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

    /** OFF, FIXED or ROTATING (see AccessRules.CodeMode). */
    private String accessCodeMode = "OFF";

    private String accessCode;

    /** The rotating code's HMAC key, hex; made once, the first time the quiz's code rotates. */
    private String accessCodeSecret;

    private Integer accessCodeMinutes;

    /** CIDR ranges, one a line. */
    private String allowedNetworks;

    /** Safe Exam Browser keys, one a line. */
    private String sebConfigKeys;

    private String sebBrowserExamKeys;

    private String sebQuitUrl;

    protected QuizSettingsRow() {
    }

    public QuizSettingsRow(String id, String title, Instant createdAt) {
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

    public void setCurrentVersion(long versionId, String title) {
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

    public Integer getTimeLimitSeconds() {
        return timeLimitSeconds;
    }

    public void setTimeLimitSeconds(Integer timeLimitSeconds) {
        this.timeLimitSeconds = timeLimitSeconds;
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

    /** One field at a time, for setting up a test's situation; staff release through {@link #release}. */
    public void setScoresReleased(boolean scoresReleased) {
        this.scoresReleased = scoresReleased;
    }

    public boolean isSolutionsReleased() {
        return solutionsReleased;
    }

    /** One field at a time, for setting up a test's situation; staff release through {@link #release}. */
    public void setSolutionsReleased(boolean solutionsReleased) {
        this.solutionsReleased = solutionsReleased;
    }

    /** The settings form's fields, all at once; refused whole when the window closes before it opens. */
    public void change(SettingsChange change) {
        setWindow(change.opensAt(), change.closesAt());
        this.published = change.published();
        this.timeLimitSeconds = change.timeLimitSeconds();
        this.graceSeconds = change.graceSeconds();
    }

    public String getAccessCodeMode() {
        return accessCodeMode;
    }

    public String getAccessCode() {
        return accessCode;
    }

    public String getAccessCodeSecret() {
        return accessCodeSecret;
    }

    public Integer getAccessCodeMinutes() {
        return accessCodeMinutes;
    }

    public String getAllowedNetworks() {
        return allowedNetworks;
    }

    public String getSebConfigKeys() {
        return sebConfigKeys;
    }

    public String getSebBrowserExamKeys() {
        return sebBrowserExamKeys;
    }

    public String getSebQuitUrl() {
        return sebQuitUrl;
    }

    /**
     * The access rules, all at once. A rotating code needs a secret: {@code newSecret} is kept the first time, and
     * the same secret afterwards, so that changing the interval does not change what the proctor's screen derives from.
     */
    public void changeAccess(AccessChange change, Supplier<String> newSecret) {
        this.accessCodeMode = change.codeMode().name();
        this.accessCode = change.codeMode() == AccessRules.CodeMode.FIXED ? change.fixedCode().strip() : null;
        this.accessCodeMinutes = change.codeMode() == AccessRules.CodeMode.ROTATING ? change.rotateMinutes() : null;
        if (change.codeMode() == AccessRules.CodeMode.ROTATING && accessCodeSecret == null) {
            this.accessCodeSecret = newSecret.get();
        }
        this.allowedNetworks = joined(change.networks().stream().map(AddressRange::text).toList());
        this.sebConfigKeys = joined(change.sebConfigKeys());
        this.sebBrowserExamKeys = joined(change.sebBrowserExamKeys());
        this.sebQuitUrl = change.sebQuitUrl() == null || change.sebQuitUrl().isBlank() ? null : change.sebQuitUrl().strip();
    }

    private static String joined(List<String> lines) {
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    /** Solutions without scores would show keys next to hidden scores: releasing solutions needs scores. */
    public void release(boolean scores, boolean solutions) {
        this.scoresReleased = scores;
        this.solutionsReleased = solutions && scores;
    }
}
