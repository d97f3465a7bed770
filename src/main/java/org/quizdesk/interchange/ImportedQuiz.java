package org.quizdesk.interchange;

import java.util.List;
import org.quizdesk.quiz.Quiz;

/**
 * A quiz read from another system's file, with what could not be carried over.
 *
 * @param format the source's format, for messages ("Moodle XML", "GIFT", "QTI 2.1", "Canvas QTI 1.2")
 * @param yaml the quiz file to save as {@code <id>.yaml}; it passes {@code validate}, the notes are comments in it
 */
public record ImportedQuiz(Quiz quiz, List<CarryOverNote> notes, String format, String yaml) {

    public ImportedQuiz {
        notes = List.copyOf(notes);
    }
}
