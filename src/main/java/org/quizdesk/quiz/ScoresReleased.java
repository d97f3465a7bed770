package org.quizdesk.quiz;

/** Staff released a quiz's scores to its students; published inside the release's transaction. */
public record ScoresReleased(String quizId) {
}
