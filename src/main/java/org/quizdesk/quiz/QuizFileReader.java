package org.quizdesk.quiz;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads quiz files (see docs/quiz-format.md). Plain Java, no Spring: the web app, the command line and tests
 * all load quizzes the same way. A file is either loaded completely or rejected with every problem found in it.
 */
public final class QuizFileReader {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> QUIZ_FIELDS =
            Set.of("id", "title", "course", "date", "time_limit", "honor_code", "instructions", "shuffle", "sections");
    private static final Set<String> SECTION_FIELDS =
            Set.of("title", "recommended", "instructions", "scoring", "shuffle", "questions");

    private QuizFileReader() {
    }

    /** @param displayName names the file in messages and becomes {@link Quiz#sourceFile()} */
    public static Quiz read(String displayName, String yamlText) throws QuizFileException {
        return parse(displayName, yamlText).quiz();
    }

    /** Reads a file as UTF-8; the path as given is its display name. */
    public static Quiz read(Path file) throws QuizFileException {
        String name = file.toString();
        return read(name, readText(file, name));
    }

    /** Every *.yaml and *.yml directly in {@code dir}, by name; a bad file is reported and the others still load. */
    public static FolderReport readFolder(Path dir) {
        List<LoadedQuiz> quizzes = new ArrayList<>();
        List<QuizFileProblem> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile).filter(QuizFileReader::isQuizFile)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            problems.add(new QuizFileProblem(dir.toString(), 1, Files.notExists(dir)
                    ? "there is no such folder (" + dir.toAbsolutePath().normalize()
                            + "): put the quiz files there, or set quizdesk.quizzes.dir to their folder"
                    : "cannot list the folder: " + e));
            return new FolderReport(quizzes, problems);
        }
        Map<String, Path> byId = new HashMap<>();
        for (Path file : files) {
            String name = file.toString();
            try {
                String text = readText(file, name);
                Parsed parsed = parse(name, text);
                Path first = byId.putIfAbsent(parsed.quiz().id(), file);
                if (first != null) {
                    problems.add(new QuizFileProblem(name, parsed.idLine(), "quiz id \"" + parsed.quiz().id()
                            + "\" is already used by " + first));
                    continue;
                }
                quizzes.add(new LoadedQuiz(file, text, sha256(text), parsed.quiz()));
            } catch (QuizFileException e) {
                problems.addAll(e.problems());
            }
        }
        return new FolderReport(quizzes, problems);
    }

    /** Whether the file's name makes it a quiz file (*.yaml or *.yml). */
    static boolean isQuizFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static String readText(Path file, String name) throws QuizFileException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw single(name, "cannot read the file: it is not UTF-8 text");
        } catch (IOException e) {
            throw single(name, "cannot read the file: " + e);
        }
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The quiz and the line of its id (for the duplicate-id message of {@link #readFolder}). */
    private record Parsed(Quiz quiz, int idLine) {
    }

    private static Parsed parse(String displayName, String yamlText) throws QuizFileException {
        Node root = compose(displayName, yamlText);
        Problems problems = new Problems(displayName);
        YamlMapping m = YamlMapping.of(root, "the file", "", problems);
        if (m == null) {
            problems.throwIfAny();
        }
        m.allowOnly(QUIZ_FIELDS);
        String id = m.text("id", true);
        if (id != null) {
            checkId(m, id, displayName);
        }
        String title = m.text("title", true);
        String course = m.text("course", false);
        String date = m.text("date", false);
        if (date != null) {
            checkDate(m, date);
        }
        Duration timeLimit = m.duration("time_limit", true);
        String honorCode = m.text("honor_code", false);
        String instructions = m.text("instructions", false);
        // the quiz's shuffle is the default of every section (question order) and multi_select (option order)
        boolean shuffle = shuffle(m, false);
        List<Section> sections = new ArrayList<>();
        List<Node> sectionNodes = m.list("sections", true);
        QuestionReader questions = new QuestionReader(problems, shuffle);
        if (sectionNodes != null) {
            for (int i = 0; i < sectionNodes.size(); i++) {
                Section section = readSection(sectionNodes.get(i), i + 1, questions, shuffle, problems);
                if (section != null) {
                    sections.add(section);
                }
            }
        }
        problems.throwIfAny();
        Quiz quiz = new Quiz(id, title.strip(), strip(course), date, timeLimit, strip(honorCode), strip(instructions),
                sections, displayName, questions.parameters());
        // the file's own version (seed 0) must draw: it is what a draw that fails for a student falls back to
        VersionCheck.problems(quiz, StudentVersion.FILE_ORDER).forEach(p -> problems.add(p.line(), p.message()));
        problems.throwIfAny();
        return new Parsed(quiz, m.lineOf("id"));
    }

    private static Section readSection(Node node, int number, QuestionReader questions, boolean quizShuffle,
            Problems problems) {
        YamlMapping m = YamlMapping.of(node, "a section", "section " + number + ": ", problems);
        if (m == null) {
            return null;
        }
        String title = m.text("title", true);
        if (title != null) {
            m.where("section " + number + " (" + title.strip() + "): ");
        }
        m.allowOnly(SECTION_FIELDS);
        Duration recommended = m.duration("recommended", false);
        String instructions = m.text("instructions", false);
        String scoring = m.text("scoring", false);
        boolean shuffle = shuffle(m, quizShuffle);
        List<Item> items = new ArrayList<>();
        List<Node> nodes = m.list("questions", true);
        if (nodes != null) {
            for (Node item : nodes) {
                Item read = questions.readItem(item);
                if (read != null) {
                    items.add(read);
                }
            }
        }
        return title == null ? null : new Section(title.strip(), recommended, strip(instructions), strip(scoring), items,
                shuffle);
    }

    /** The mapping's "shuffle" (true or false, else a problem is reported), or the inherited default. */
    static boolean shuffle(YamlMapping m, boolean inherited) {
        Boolean shuffle = m.bool("shuffle", false);
        return shuffle == null ? inherited : shuffle;
    }

    private static void checkId(YamlMapping m, String id, String displayName) {
        Node at = m.value("id");
        if (!SLUG.matcher(id).matches()) {
            m.problem(at, "quiz id \"" + id + "\" must be a slug: lowercase letters, digits and \"-\", "
                    + "starting with a letter or digit");
        }
        String fileName = Path.of(displayName.replace('\\', '/')).getFileName().toString();
        String lower = fileName.toLowerCase(Locale.ROOT);
        // only a real file name is checked: a display name such as "upload" has no id to match
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            String base = fileName.substring(0, fileName.lastIndexOf('.'));
            if (!base.equals(id)) {
                m.problem(at, "quiz id \"" + id + "\" does not match the file name " + fileName
                        + " (the file must be named " + id + ".yaml)");
            }
        }
    }

    private static void checkDate(YamlMapping m, String date) {
        try {
            LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            m.problem(m.value("date"), "\"date\" must be a date written YYYY-MM-DD, not \"" + date + "\"");
        }
    }

    /** The document's root node; a syntax error is reported at SnakeYAML's line. */
    private static Node compose(String displayName, String yamlText) throws QuizFileException {
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(yamlText));
            if (root == null) {
                throw single(displayName, "the file is empty");
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 1 : mark.getLine() + 1;
            String context = e.getContext() == null || e.getContextMark() == null ? ""
                    : " (" + e.getContext() + " started at line " + (e.getContextMark().getLine() + 1) + ")";
            throw single(displayName, line, "YAML syntax error, check the indentation and quotes here and just "
                    + "above: " + e.getProblem() + context);
        } catch (YAMLException e) {
            throw single(displayName, "YAML error: " + e.getMessage());
        }
    }

    private static QuizFileException single(String displayName, String message) {
        return single(displayName, 1, message);
    }

    private static QuizFileException single(String displayName, int line, String message) {
        return new QuizFileException(List.of(new QuizFileProblem(displayName, line, message)));
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
