package org.quizdesk.attempt.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;
import org.quizdesk.attempt.SubmittedBy;
import org.quizdesk.grading.QuizScore;
import org.quizdesk.quiz.StudentVersion;
import org.quizdesk.system.Outage;

/**
 * One student's attempt at one quiz. Saving and submitting go through guarded single-row updates
 * ({@link AnswerStore}, {@link SubmissionStore#claim}), so two tabs, a retried request or two app nodes
 * cannot race past the deadline or submit twice; what happens after submission (a total, a move to another version)
 * goes through this entity, which refuses it on an attempt that is not submitted.
 */
@Entity
@Table(name = "attempt")
@DynamicUpdate // a total or a version change writes those columns only, never the answers read before it
public class Attempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String quizId;

    private Long versionId;

    private Long accountId;

    private String signature;

    private Instant startedAt;

    private Instant deadline;

    private String answers;

    private Instant savedAt;

    private int saveCount;

    private Instant submittedAt;

    @Enumerated(EnumType.STRING)
    private SubmittedBy submittedBy;

    private BigDecimal total;

    private BigDecimal maxPoints;

    private Integer pendingCount;

    /** The server outage this attempt's deadline fell in, when its final answers were taken after it. */
    private Instant outageFrom;

    private Instant outageTo;

    /** The seed of the student's version ({@link StudentVersion}); 0 (attempts from before seeds) is the file's order. */
    private long versionSeed;

    /** Where it started from: the address (behind the trusted proxies), a browser label and the raw User-Agent. */
    private String startAddress;

    private String startBrowser;

    private String startUserAgent;

    /** Where the last save came from; written by the save path only when it changes. */
    private String lastAddress;

    private String lastBrowser;

    /** Set once a save came from another address or browser than the start, and never cleared. */
    private boolean secondAddress;

    private boolean secondBrowser;

    /** Questions answered after the last save. */
    private int answeredCount;

    protected Attempt() {
    }

    public Attempt(String quizId, long versionId, long accountId, String signature, Instant startedAt, Instant deadline) {
        this(quizId, versionId, StudentVersion.FILE_ORDER, accountId, signature, startedAt, deadline);
    }

    public Attempt(String quizId, long versionId, long versionSeed, long accountId, String signature, Instant startedAt,
            Instant deadline) {
        this.versionSeed = versionSeed;
        this.quizId = quizId;
        this.versionId = versionId;
        this.accountId = accountId;
        this.signature = signature;
        this.startedAt = startedAt;
        this.deadline = deadline;
        this.answers = "{}";
    }

    public Long getId() {
        return id;
    }

    public String getQuizId() {
        return quizId;
    }

    public Long getVersionId() {
        return versionId;
    }

    public long getVersionSeed() {
        return versionSeed;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getSignature() {
        return signature;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public String getAnswers() {
        return answers;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    public int getSaveCount() {
        return saveCount;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public SubmittedBy getSubmittedBy() {
        return submittedBy;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public BigDecimal getMaxPoints() {
        return maxPoints;
    }

    public Integer getPendingCount() {
        return pendingCount;
    }

    public Instant getOutageFrom() {
        return outageFrom;
    }

    public Instant getOutageTo() {
        return outageTo;
    }

    /** Where the start came from, before the attempt is stored; the last save's place starts as the same. */
    public void startFrom(String address, String browser, String userAgent) {
        if (id != null) {
            throw new IllegalStateException("attempt " + id + " has started; its start place is fixed");
        }
        this.startAddress = address;
        this.startBrowser = browser;
        this.startUserAgent = userAgent;
        this.lastAddress = address;
        this.lastBrowser = browser;
    }

    public String getStartAddress() {
        return startAddress;
    }

    public String getStartBrowser() {
        return startBrowser;
    }

    public String getStartUserAgent() {
        return startUserAgent;
    }

    public String getLastAddress() {
        return lastAddress;
    }

    public String getLastBrowser() {
        return lastBrowser;
    }

    public boolean isSecondAddress() {
        return secondAddress;
    }

    public boolean isSecondBrowser() {
        return secondBrowser;
    }

    public int getAnsweredCount() {
        return answeredCount;
    }

    public boolean isSubmitted() {
        return submittedAt != null;
    }

    /** Whether saves and submits are still taken: not submitted, and the deadline plus grace not passed. */
    public boolean acceptsWorkAt(Instant now, Duration grace) {
        return !isSubmitted() && now.isBefore(deadline.plus(grace));
    }

    /**
     * Whether the attempt takes its final answers although its time and grace have passed: they ran out while the
     * server was down, through no fault of the student, and the server has been back for less than the window.
     */
    public boolean takesFinalAnswersAfter(Outage outage, Instant now, Duration grace, Duration window) {
        return !isSubmitted() && ranOutDuring(outage, deadline, grace) && now.isBefore(outage.to().plus(window));
    }

    /** Whether the time from the deadline to the end of its grace shares a moment with the outage. */
    public static boolean ranOutDuring(Outage outage, Instant deadline, Duration grace) {
        return outage.overlaps(deadline, deadline.plus(grace));
    }

    /**
     * The deadline after the proctor gives the attempt more time (an extension, or a pause's length at the resume):
     * only an attempt still in progress gets more time.
     */
    public Instant deadlineMovedBy(Duration more) {
        if (isSubmitted()) {
            throw new IllegalStateException("attempt " + id + " is submitted; its time cannot be extended");
        }
        if (more.isNegative() || more.isZero()) {
            throw new IllegalArgumentException("an extension is positive: " + more);
        }
        return deadline.plus(more);
    }

    /**
     * The deadline when the proctor closes the quiz now: the attempt's time ends now (the usual grace follows, for its
     * page to send the final answers). Only an attempt still in progress is closed.
     */
    public Instant deadlineClosedAt(Instant now) {
        if (isSubmitted()) {
            throw new IllegalStateException("attempt " + id + " is submitted; there is nothing to close");
        }
        return now;
    }

    /** The totals of the attempt's question scores, once it is submitted (at grading, and after any change). */
    public void recordTotal(QuizScore score) {
        requireSubmitted("record a total");
        this.total = score.total();
        this.maxPoints = score.max();
        this.pendingCount = score.pending().size();
    }

    /** A regrade moves a submitted attempt onto another version of its quiz. */
    public void moveToVersion(long versionId) {
        requireSubmitted("move to another version");
        this.versionId = versionId;
    }

    private void requireSubmitted(String change) {
        if (!isSubmitted()) {
            throw new IllegalStateException("attempt " + id + " is not submitted; cannot " + change);
        }
    }

    /** Time used, from start to submission (or to the deadline, if that came first). */
    public Duration timeUsed() {
        if (submittedAt == null) {
            return null;
        }
        Instant end = submittedAt.isAfter(deadline) ? deadline : submittedAt;
        return Duration.between(startedAt, end);
    }
}
