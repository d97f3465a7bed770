package org.quizdesk.quiz;

import java.time.Instant;

/** One distinct content of a quiz file, as recorded: attempts keep the version they were taken on. */
public record QuizVersion(long id, String quizId, String contentHash, String sourceFile, Instant loadedAt) {
}
