package org.quizdesk.interchange;

import java.util.List;

/**
 * A quiz written in another system's format, with what that format could not carry.
 *
 * @param fileName the name to save it under ({@code <quiz id>.xml}, {@code <quiz id>-qti.zip})
 */
public record ExportedQuiz(byte[] content, String fileName, List<CarryOverNote> notes) {

    public ExportedQuiz {
        notes = List.copyOf(notes);
    }
}
