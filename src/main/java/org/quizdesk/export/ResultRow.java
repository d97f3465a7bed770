package org.quizdesk.export;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.quizdesk.attempt.ResultStatus;

/**
 * One rostered student's result on one quiz; every attempt field is null for a student who never started.
 *
 * @param scores the per-question scores that count, by question id (pending questions are absent)
 * @param pendingQuestions the questions that wait for a grader
 */
public record ResultRow(
        long accountId,
        String netId,
        String fullName,
        String email,
        String section,
        ResultStatus status,
        Long attemptId,
        Instant startedAt,
        Instant submittedAt,
        Duration timeUsed,
        long minutesLate,
        BigDecimal total,
        BigDecimal max,
        Map<String, BigDecimal> scores,
        Set<String> pendingQuestions) {

    public BigDecimal score(String questionId) {
        return scores.get(questionId);
    }

    public boolean pending(String questionId) {
        return pendingQuestions.contains(questionId);
    }

    public boolean started() {
        return attemptId != null;
    }

    /** Minutes used, rounded to one place, for display and sorting; null without a submission. */
    public BigDecimal minutesUsed() {
        return timeUsed == null ? null : BigDecimal.valueOf(timeUsed.toSeconds()).divide(BigDecimal.valueOf(60), 1,
                java.math.RoundingMode.HALF_UP);
    }
}
