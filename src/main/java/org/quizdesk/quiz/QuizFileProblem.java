package org.quizdesk.quiz;

/**
 * One problem found in a quiz file.
 *
 * @param file the file's display name, as given to the reader
 * @param line 1-based line of the offending field or value (1 when the whole file is at fault)
 */
public record QuizFileProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
