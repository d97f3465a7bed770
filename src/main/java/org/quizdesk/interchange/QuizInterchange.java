package org.quizdesk.interchange;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.quizdesk.quiz.Quiz;

/**
 * Import from and export to other systems: Moodle XML, GIFT, QTI 2.1 and Canvas QTI 1.2 in; Moodle XML and QTI 2.1
 * out. Plain Java without Spring, used by the command line; the mapping and what is not carried over are in
 * docs/quiz-format.md ("Importing and exporting").
 */
public final class QuizInterchange {

    /** Larger files are refused before parsing: question banks are far smaller, even with images. */
    public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public enum ExportFormat {
        MOODLE, QTI;

        public static ExportFormat of(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "moodle", "moodle-xml" -> MOODLE;
                case "qti", "qti21", "qti-2.1" -> QTI;
                default -> throw new IllegalArgumentException("--to must be moodle or qti, not \"" + name + "\"");
            };
        }
    }

    private QuizInterchange() {
    }

    /**
     * Reads a Moodle XML file, a GIFT file or a QTI zip package (told apart by their content, not their names).
     *
     * @param fileName names the file in messages and gives the quiz id when {@code quizId} is null
     * @param quizId the id of the quiz to write, or null for one made from the file name
     */
    public static ImportedQuiz importFile(byte[] content, String fileName, String quizId) throws ImportException {
        if (content.length > MAX_FILE_BYTES) {
            throw new ImportException(fileName, "the file", "larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB");
        }
        if (quizId != null && !SLUG.matcher(quizId).matches()) {
            throw new ImportException(fileName, "--id", "the quiz id \"" + quizId + "\" must be a slug: lowercase "
                    + "letters, digits and \"-\", starting with a letter or digit");
        }
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K') {
            return QtiImport.read(content, fileName, quizId);
        }
        String start = new String(content, 0, Math.min(content.length, 2048), StandardCharsets.UTF_8)
                .replace("\ufeff", "").stripLeading();
        if (start.startsWith("<")) {
            if (start.contains("<assessmentItem") || start.contains("<questestinterop")) {
                throw new ImportException(fileName, "the file", "a QTI file is imported in its zip package, with "
                        + "imsmanifest.xml");
            }
            return MoodleXmlImport.read(content, fileName, quizId);
        }
        return GiftImport.read(content, fileName, quizId);
    }

    public static ExportedQuiz export(Quiz quiz, ExportFormat format) {
        return format == ExportFormat.MOODLE ? MoodleXmlExport.write(quiz) : QtiExport.write(quiz);
    }
}
