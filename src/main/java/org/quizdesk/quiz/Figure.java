package org.quizdesk.quiz;

/**
 * A figure of a prompt or solution.
 *
 * @param file path relative to the quiz file, or null while the image is missing (a placeholder is shown)
 * @param description what the figure shows: its alt text, and the placeholder's text while it is missing
 * @param caption a caption shown under it, or null
 */
public record Figure(String file, String description, String caption) {
}
