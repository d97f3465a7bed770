package org.quizdesk.quiz;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kinds of question, named in quiz files ({@code type: true_false}) by {@link #fileName()}. The quiz page
 * writes the file name into {@code data-kind}, which {@code answer-sheet.js} reads. A {@code group} is not a kind:
 * it is a stem over several questions and is scored through its parts.
 */
public enum QuestionKind {
    TRUE_FALSE("true_false"),
    MULTI_SELECT("multi_select"),
    SHORT_ANSWER("short_answer");

    private final String fileName;

    QuestionKind(String fileName) {
        this.fileName = fileName;
    }

    /** The name used in quiz files and in the quiz page's {@code data-kind}. */
    public String fileName() {
        return fileName;
    }

    public static Optional<QuestionKind> ofFileName(String name) {
        return Stream.of(values()).filter(kind -> kind.fileName.equals(name)).findFirst();
    }
}
