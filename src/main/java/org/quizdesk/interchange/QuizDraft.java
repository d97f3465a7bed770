package org.quizdesk.interchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quizdesk.quiz.Item;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.Section;

/**
 * A quiz being assembled by an importer: sections in order, question ids numbered per section ("2.3"), and the
 * notes of what was not carried over.
 */
final class QuizDraft {

    /** Other systems keep the time limit in the quiz's settings, not in the exported questions. */
    static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(30);

    private final String format;
    private final List<String> titles = new ArrayList<>();
    private final List<List<Item>> sections = new ArrayList<>();
    private final List<CarryOverNote> notes = new ArrayList<>();
    private final java.util.Set<String> used = new java.util.HashSet<>();
    private final Map<String, byte[]> images = new LinkedHashMap<>();
    private static final Set<String> IMAGE_TYPES = Set.of("png", "jpg", "jpeg", "gif", "webp");
    private String quizId;
    private Duration timeLimit;
    private int questions;
    private static final java.util.regex.Pattern QUESTION_ID = java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+){1,3}[a-z]?");

    QuizDraft(String format) {
        this.format = format;
    }

    /** The id of the quiz being built: its images go into {@code <id>/figures/} next to its file. */
    void quizId(String id) {
        this.quizId = id;
    }

    /**
     * Carries an image of the source over as a file of the quiz (a name used twice for different images gets a
     * number); an SVG or another type the quiz format does not show is listed instead.
     *
     * @return the figure's path, relative to the quiz folder, or empty when it is not carried over
     */
    Optional<String> image(String sourceName, byte[] bytes, String what, String questionId, String where) {
        String decoded = URLDecoder.decode(sourceName.replaceFirst("[?#].*$", "").replace("+", "%2B"),
                StandardCharsets.UTF_8);
        String base = decoded.substring(decoded.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-.]+", "");
        int dot = base.lastIndexOf('.');
        String extension = dot < 0 ? "" : base.substring(dot + 1);
        if (!IMAGE_TYPES.contains(extension)) {
            note(questionId, where, "image \"" + sourceName + "\" in " + what + " is not carried over: "
                    + (extension.equals("svg") ? "an SVG from another system may hold scripts; save it as PNG"
                            : "Quizdesk shows png, jpg, gif and webp images")
                    + ", add it under figures (docs/quiz-format.md, Figures)");
            return Optional.empty();
        }
        String stem = base.substring(0, dot).isEmpty() ? "image" : base.substring(0, dot);
        String folder = (quizId == null ? "imported-quiz" : quizId) + "/figures/";
        String path = folder + stem + "." + extension;
        for (int n = 2; images.containsKey(path) && !Arrays.equals(images.get(path), bytes); n++) {
            path = folder + stem + "-" + n + "." + extension;
        }
        images.put(path, bytes);
        return Optional.of(path);
    }

    /** Starts a section; an empty section that is still open is renamed instead. */
    void section(String title) {
        String named = title == null || title.isBlank() ? "Questions" : title.strip();
        if (!sections.isEmpty() && sections.get(sections.size() - 1).isEmpty()) {
            titles.set(titles.size() - 1, named);
            return;
        }
        titles.add(named);
        sections.add(new ArrayList<>());
    }

    /** The id the next question will get: its number in its section ("2.3"). */
    String nextId() {
        return nextId(null);
    }

    /**
     * The id the next question will get: the source's name of it when that reads like a Quizdesk id ("2.1", as
     * Quizdesk's own exports name questions) and is still free, else its number in its section ("2.3").
     */
    String nextId(String sourceName) {
        if (sections.isEmpty()) {
            section(null);
        }
        if (sourceName != null && QUESTION_ID.matcher(sourceName.strip()).matches() && !used.contains(sourceName.strip())) {
            used.add(sourceName.strip());
            return sourceName.strip();
        }
        int number = sections.get(sections.size() - 1).size() + 1;
        while (used.contains(sections.size() + "." + number)) {
            number++;
        }
        String id = sections.size() + "." + number;
        used.add(id);
        return id;
    }

    void add(Question question) {
        if (++questions > ImportLimits.MAX_QUESTIONS) {
            throw new ImportLimits.Exceeded("more than " + ImportLimits.MAX_QUESTIONS + " questions: split the file");
        }
        if (sections.isEmpty()) {
            section(null);
        }
        sections.get(sections.size() - 1).add(question);
    }

    void note(String questionId, String source, String message) {
        notes.add(new CarryOverNote(questionId, source, message));
    }

    /** A note that some answer scores differently in Quizdesk than in the source. */
    void scoresDiffer(String questionId, String source, String message) {
        notes.add(new CarryOverNote(questionId, source, message, true));
    }

    void timeLimit(Duration limit) {
        this.timeLimit = limit;
    }

    /** Points in Quizdesk's steps of 0.5, with a note when the source's value had to be rounded. */
    BigDecimal points(BigDecimal raw, String questionId, String source) {
        BigDecimal value = raw == null || raw.signum() < 0 ? BigDecimal.ONE : raw;
        BigDecimal rounded = value.multiply(BigDecimal.valueOf(2)).setScale(0, RoundingMode.HALF_UP)
                .divide(BigDecimal.valueOf(2)).stripTrailingZeros();
        if (rounded.scale() < 0) {
            rounded = rounded.setScale(0);
        }
        if (raw == null) {
            note(questionId, source, "the source gives no points: set to 1");
        } else if (rounded.compareTo(raw) != 0) {
            note(questionId, source, "points " + raw.stripTrailingZeros().toPlainString()
                    + " rounded to " + rounded.toPlainString() + " (Quizdesk points go in steps of 0.5)");
        }
        return rounded;
    }

    List<CarryOverNote> notes() {
        return notes;
    }

    /** The quiz, or a refusal when not one question could be carried over (an empty quiz file would not load). */
    ImportedQuiz build(String id, String title, String fileName) throws ImportException {
        List<Section> built = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            if (!sections.get(i).isEmpty()) {
                built.add(new Section(titles.get(i), null, null, null, sections.get(i)));
            }
        }
        if (built.isEmpty()) {
            throw new ImportException(fileName, "the file", "no question could be imported"
                    + (notes.isEmpty() ? " (the file has none)" : ": " + notes.get(0)));
        }
        if (timeLimit == null) {
            notes.add(0, new CarryOverNote(null, null, "the time limit is not in the " + format + " file: set to "
                    + DEFAULT_TIME_LIMIT.toMinutes() + "m, check time_limit"));
        }
        Quiz quiz = new Quiz(id, title, null, null, timeLimit == null ? DEFAULT_TIME_LIMIT : timeLimit, null, null,
                built, id + ".yaml");
        return new ImportedQuiz(quiz, notes, format, QuizYamlWriter.write(quiz, notes, format), images);
    }

    /** A quiz id from a file name or title: lowercase letters, digits and "-" (the quiz file format's slug). */
    static String slug(String name) {
        String base = name.replaceAll("\\.[A-Za-z0-9]+$", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.length() > 60) {
            base = base.substring(0, 60).replaceAll("-+$", "");
        }
        return base.isEmpty() ? "imported-quiz" : base;
    }
}
