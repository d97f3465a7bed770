package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.quizdesk.attempt.internal.Attempt;

/**
 * An attempt as course staff and exports read it: everything but the answers.
 *
 * @param timeUsed from start to submission (or to the deadline, if that came first); null until submitted
 * @param total the sum of the scores that count, null until graded
 * @param outageFrom the server outage its deadline fell in, when its final answers were taken after it; else null
 * @param versionSeed the seed of the student's version ({@link org.quizdesk.quiz.StudentVersion})
 */
public record AttemptSummary(long id, String quizId, long versionId, long accountId, Instant startedAt, Instant deadline,
        Instant savedAt, Instant submittedAt, SubmittedBy submittedBy, Duration timeUsed, BigDecimal total,
        BigDecimal maxPoints, int pendingCount, Instant outageFrom, Instant outageTo, long versionSeed) {

    static AttemptSummary of(Attempt attempt) {
        return new AttemptSummary(attempt.getId(), attempt.getQuizId(), attempt.getVersionId(), attempt.getAccountId(),
                attempt.getStartedAt(), attempt.getDeadline(), attempt.getSavedAt(), attempt.getSubmittedAt(),
                attempt.getSubmittedBy(), attempt.timeUsed(), attempt.getTotal(), attempt.getMaxPoints(),
                attempt.getPendingCount() == null ? 0 : attempt.getPendingCount(), attempt.getOutageFrom(), attempt.getOutageTo(),
                attempt.getVersionSeed());
    }

    public boolean submitted() {
        return submittedAt != null;
    }

    /**
     * Whole minutes (rounded up) between the deadline and the last work taken: the submission, or for an attempt the
     * server submitted at the deadline, its last save. Work inside the grace period after the deadline counts as late.
     */
    public long minutesLate() {
        if (!submitted()) {
            return 0;
        }
        Instant lastWork = submittedBy == SubmittedBy.DEADLINE ? savedAt : submittedAt;
        if (lastWork == null || !lastWork.isAfter(deadline)) {
            return 0;
        }
        long seconds = Duration.between(deadline, lastWork).toSeconds();
        return (seconds + 59) / 60;
    }
}
