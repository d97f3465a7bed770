package org.quizdesk.grading;

/**
 * Answers that do not fit the quiz: the message is one line a student or client can act on, naming the
 * question id when there is one.
 */
public class InvalidAnswersException extends Exception {

    private final String questionId;

    public InvalidAnswersException(String message) {
        this(null, message);
    }

    /** @param questionId the question the message is about, or null; the message already names it */
    public InvalidAnswersException(String questionId, String message) {
        super(message);
        this.questionId = questionId;
    }

    /** The question the problem is about, or null for problems with the whole document. */
    public String questionId() {
        return questionId;
    }
}
