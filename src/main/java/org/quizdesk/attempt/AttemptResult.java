package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * An attempt with its question scores.
 *
 * @param scores the scores that count, by question id (questions waiting for a grader are absent)
 * @param pendingQuestions the questions that wait for a grader
 */
public record AttemptResult(AttemptSummary attempt, Map<String, BigDecimal> scores, Set<String> pendingQuestions) {

    public AttemptResult {
        scores = Map.copyOf(scores);
        pendingQuestions = Set.copyOf(pendingQuestions);
    }
}
