package org.quizdesk.quiz;

import java.nio.file.Path;

/**
 * A quiz read from a folder, with the exact text it came from.
 *
 * @param source the exact text read
 * @param contentHash SHA-256 (lowercase hex) of the UTF-8 text, so a changed file can be told apart from the one
 *     that attempts were taken against
 */
public record LoadedQuiz(Path file, String source, String contentHash, Quiz quiz) {
}
