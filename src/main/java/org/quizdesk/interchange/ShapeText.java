package org.quizdesk.interchange;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.quizdesk.quiz.AcceptedAnswer;

/**
 * Text answers that are tensor shapes. Quizdesk's {@code shape} has no counterpart in other systems, so an export
 * writes it as the text "4 x 4 x 5"; an import reads exactly that spelling back as a shape (which also accepts
 * 4x4x5 and (4, 4, 5)) and says so.
 */
final class ShapeText {

    private static final Pattern SHAPE = Pattern.compile("[1-9][0-9]{0,8}( x [1-9][0-9]{0,8})+");

    private ShapeText() {
    }

    static String write(AcceptedAnswer.Shape shape) {
        return String.join(" x ", shape.dimensions().stream().map(String::valueOf).toList());
    }

    static AcceptedAnswer accepted(String text, QuizDraft draft, String questionId, String where) {
        if (SHAPE.matcher(text).matches()) {
            List<Integer> dimensions = Arrays.stream(text.split(" x ")).map(Integer::valueOf).toList();
            draft.note(questionId, where, "answer \"" + text + "\" is read as a tensor shape: it also accepts other "
                    + "spellings such as " + String.join("x", text.split(" x ")));
            return new AcceptedAnswer.Shape(dimensions);
        }
        return MoodleXmlImport.textAnswer(text, false);
    }
}
