package org.quizdesk.interchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizdesk.quiz.Quiz;

/**
 * A quiz read from another system's file, with what could not be carried over.
 *
 * @param format the source's format, for messages ("Moodle XML", "GIFT", "QTI 2.1", "Canvas QTI 1.2")
 * @param yaml the quiz file to save as {@code <id>.yaml}; it passes {@code validate}, the notes are comments in it
 * @param images the images carried over, by their path relative to the quiz folder ({@code <id>/figures/a.png}), as
 *        the figures of the quiz name them: to be written next to the quiz file
 */
public record ImportedQuiz(Quiz quiz, List<CarryOverNote> notes, String format, String yaml, Map<String, byte[]> images) {

    public ImportedQuiz {
        notes = List.copyOf(notes);
        images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
    }
}
