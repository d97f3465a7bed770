package org.quizdesk.quiz;

import org.springframework.context.MessageSourceResolvable;

/**
 * There is no such quiz (or none a student may see): answered 404 by {@code system.WebErrors}, in the reader's
 * language ({@code quiz.notFound} in the message bundle; the exception's message is the English text).
 */
public class QuizNotFound extends RuntimeException implements MessageSourceResolvable {

    private final String quizId;

    public QuizNotFound(String quizId) {
        super("There is no quiz \"" + quizId + "\".");
        this.quizId = quizId;
    }

    private QuizNotFound(long versionId) {
        super("There is no quiz version " + versionId + ".");
        this.quizId = null;
    }

    @Override
    public String[] getCodes() {
        return quizId == null ? null : new String[] {"quiz.notFound"};
    }

    @Override
    public Object[] getArguments() {
        return quizId == null ? null : new Object[] {quizId};
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }

    static QuizNotFound version(long versionId) {
        return new QuizNotFound(versionId);
    }
}
