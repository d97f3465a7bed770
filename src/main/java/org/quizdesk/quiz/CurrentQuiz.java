package org.quizdesk.quiz;

/** A quiz's settings together with the version students take now. */
public record CurrentQuiz(QuizSettings settings, long versionId, Quiz quiz) {

    public String id() {
        return settings.getId();
    }
}
