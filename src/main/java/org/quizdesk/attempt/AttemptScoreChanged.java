package org.quizdesk.attempt;

/**
 * An attempt's total changed after its submission (an override, a hand grade, a regrade), published inside the
 * change's transaction; listeners read the new score through {@link AttemptResults}.
 */
public record AttemptScoreChanged(long attemptId, String quizId, long accountId) {
}
