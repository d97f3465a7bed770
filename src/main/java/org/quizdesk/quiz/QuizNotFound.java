package org.quizdesk.quiz;

/** There is no such quiz (or none a student may see): answered 404 by {@code system.WebErrors}. */
public class QuizNotFound extends RuntimeException {

    public QuizNotFound(String quizId) {
        super("There is no quiz \"" + quizId + "\".");
    }

    private QuizNotFound(long versionId) {
        super("There is no quiz version " + versionId + ".");
    }

    static QuizNotFound version(long versionId) {
        return new QuizNotFound(versionId);
    }
}
