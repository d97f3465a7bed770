package org.quizdesk.attempt;

/**
 * A quiz version's attempts, for the staff overview.
 *
 * @param needsGrading submitted attempts with an answer waiting for a grader
 */
public record AttemptCounts(String quizId, long versionId, long attempts, long submitted, long needsGrading) {
}
