package org.quizdesk.interchange;

/**
 * Something of a question that a format could not carry over (an unsupported type, a missing image, a scoring rule
 * with no equivalent, HTML that is not Markdown): listed, never dropped silently.
 *
 * @param questionId the Quizdesk question it concerns, or null for the whole quiz
 * @param source where it is in the source: "line 12", "item q3", or the question id on export
 * @param scoresDiffer whether some answer scores differently in Quizdesk than in the source (a rule with no exact
 *        equivalent, partial credit that is not kept), so that an import's preview can list those apart
 */
public record CarryOverNote(String questionId, String source, String message, boolean scoresDiffer) {

    public CarryOverNote(String questionId, String source, String message) {
        this(questionId, source, message, false);
    }

    @Override
    public String toString() {
        return (source == null ? "" : source + ": ") + (questionId == null ? "" : "question " + questionId + ": ")
                + message;
    }
}
