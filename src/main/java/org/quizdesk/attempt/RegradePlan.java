package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a regrade onto the quiz's current version does to every submitted attempt taken on an older version.
 *
 * @param attemptsByVersion how many of those attempts each older version has, by version id in ascending order
 */
public record RegradePlan(String quizId, long toVersion, Map<Long, Long> attemptsByVersion, List<AttemptChange> attempts) {

    public record QuestionChange(String questionId, BigDecimal oldScore, BigDecimal newScore, boolean oldPending,
            boolean newPending, String why) {
    }

    /** problem is set (and nothing changes) when the attempt's answers do not fit the new version. */
    public record AttemptChange(long attemptId, long accountId, long fromVersion, BigDecimal oldTotal, BigDecimal newTotal,
            int newPending, List<QuestionChange> changes, String problem) {

        public boolean changesTotal() {
            return problem == null && (oldTotal == null ? newTotal != null : oldTotal.compareTo(newTotal) != 0);
        }
    }

    public boolean empty() {
        return attempts.isEmpty();
    }

    public long changedTotals() {
        return attempts.stream().filter(AttemptChange::changesTotal).count();
    }
}
