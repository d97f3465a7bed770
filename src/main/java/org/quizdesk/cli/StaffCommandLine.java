package org.quizdesk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.quizdesk.grading.AnswerSheetJson;
import org.quizdesk.grading.Grader;
import org.quizdesk.grading.InvalidAnswersException;
import org.quizdesk.grading.QuestionScore;
import org.quizdesk.grading.QuizScore;
import org.quizdesk.quiz.FolderReport;
import org.quizdesk.quiz.LoadedQuiz;
import org.quizdesk.quiz.MissingFigures;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizFileException;
import org.quizdesk.quiz.QuizFileProblem;
import org.quizdesk.quiz.QuizFileReader;
import org.quizdesk.quiz.StudentVersion;
import org.quizdesk.quiz.VersionCheck;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The course staff's commands, run from the application jar without starting the web server:
 * {@code validate [--seeds N] <file-or-folder>...}, {@code grade <quiz-file> <answers.json> [--seed N]},
 * {@code preview <quiz-file> [--seed N]}, {@code import} and {@code export} (other systems' formats, see
 * {@link InterchangeCommands}); {@code --help} lists them and {@code <command> --help} explains one.
 */
public final class StaffCommandLine {

    public static final int OK = 0;
    public static final int INVALID = 1;
    public static final int USAGE = 2;

    /** Each verb with its usage line and what it does; {@code --help} lists them all, {@code <verb> --help} one. */
    private static final Map<String, String> USAGES = Map.of(
            "validate", "validate [--seeds N] <quiz-file-or-folder>...",
            "grade", "grade <quiz-file> <answers.json> [--seed N]",
            "preview", "preview <quiz-file> [--seed N]",
            "import", "import <moodle.xml|quiz.gift|qti.zip> [--out <folder-or-file>] [--id <quiz-id>]",
            "export", "export <quiz-file> --to moodle|qti [--out <file>]");
    private static final List<String> VERBS = List.of("validate", "grade", "preview", "import", "export");
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "validate", """
                    checks quiz files (or every *.yaml in a folder): one line per problem as file:line: message;
                    exit code 1 when any is found. It also draws N students' versions of each quiz (default
                    1000, a fixed sequence of seeds) and reports each question whose parameters fail for one
                    of them ("question 2.5: with seed N: …"): a division by zero, an answer that is not a
                    number, a "where" that no draw meets""",
            "grade", """
                    scores an answer sheet (the answers object as JSON) against a quiz file and prints the
                    scores as one line of JSON; with --seed N, in that student's version (their parameter
                    values and letters; the seed is on the staff attempt page), else in the file's (seed 0)""",
            "preview", """
                    prints one student's version of a quiz with its key: the order of shuffled questions and
                    options, and each letter the student sees with the file's key behind it ("B (file: D)"),
                    each parameterised question's values and its computed answers.
                    N is the version seed shown on the staff attempt page; without --seed (or with 0) the
                    quiz is shown in the file's order""",
            "import", InterchangeCommands.IMPORT_HELP,
            "export", InterchangeCommands.EXPORT_HELP);
    private static final String USAGE_TEXT = "usage: " + VERBS.stream()
            .map(verb -> "java -jar quizdesk.jar " + USAGES.get(verb))
            .collect(Collectors.joining("\n       ")) + "\n       java -jar quizdesk.jar --help | <command> --help";
    private static final String HELP_TEXT = USAGE_TEXT + "\n\n" + VERBS.stream()
            .map(verb -> String.format("%-9s %s", verb, DESCRIPTIONS.get(verb).strip().replace("\n", "\n          ")))
            .collect(Collectors.joining("\n")) + """


            Anything else that does not start with "--" is an unknown command (usage, exit code 2). Without a
            command, or with arguments that all start with "--" (Spring properties such as --server.port=8081),
            the web application starts.""";

    private final PrintStream out;
    private final PrintStream err;
    private final JsonMapper json = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public StaffCommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Whether the command line answers these arguments (otherwise the web application starts): a first argument
     * that does not start with "--" is a command (an unknown one gets the usage), and so are --help and -h; the web
     * application starts without arguments or with Spring's "--name=value" properties.
     */
    public static boolean handles(String[] args) {
        return args.length > 0 && (!args[0].startsWith("--") || isHelp(args[0]));
    }

    public int run(String... args) {
        if (args.length == 0 || !(VERBS.contains(args[0]) || isHelp(args[0]))) {
            if (args.length > 0) {
                err.println("unknown command \"" + args[0] + "\"");
            }
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (isHelp(args[0])) {
            out.println(HELP_TEXT);
            return OK;
        }
        if (List.of(args).subList(1, args.length).stream().anyMatch(StaffCommandLine::isHelp)) {
            out.println("usage: java -jar quizdesk.jar " + USAGES.get(args[0]) + "\n\n" + DESCRIPTIONS.get(args[0]).strip());
            return OK;
        }
        return switch (args[0]) {
            case "validate" -> validate(List.of(args).subList(1, args.length));
            case "preview" -> preview(args);
            case "import" -> new InterchangeCommands(out, err).importFile(List.of(args).subList(1, args.length));
            case "export" -> new InterchangeCommands(out, err).exportFile(List.of(args).subList(1, args.length));
            default -> grade(args);
        };
    }

    private static boolean isHelp(String arg) {
        return "--help".equals(arg) || "-h".equals(arg);
    }

    /** The value of --seed, or null after saying why it is not a seed. */
    private Long seed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            err.println("--seed must be a whole number (the version seed on the staff attempt page), not \"" + text + "\"");
            return null;
        }
    }

    private int preview(String[] args) {
        long seed = StudentVersion.FILE_ORDER;
        if (args.length == 4 && "--seed".equals(args[2])) {
            Long given = seed(args[3]);
            if (given == null) {
                return USAGE;
            }
            seed = given;
        } else if (args.length != 2) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            new VersionPreview(out).print(StudentVersion.of(QuizFileReader.read(Path.of(args[1])), seed));
            return OK;
        } catch (QuizFileException e) {
            e.problems().forEach(err::println);
            return USAGE;
        }
    }

    private int validate(List<String> arguments) {
        List<String> targets = new ArrayList<>(arguments);
        int seeds = VersionCheck.DEFAULT_SEEDS;
        int option = targets.indexOf("--seeds");
        if (option >= 0) {
            Integer count = option + 1 < targets.size() ? positive(targets.get(option + 1)) : null;
            if (count == null) {
                err.println("--seeds must be followed by how many versions to draw per quiz (a whole number, 1 or more)");
                return USAGE;
            }
            seeds = count;
            targets.subList(option, option + 2).clear();
        }
        if (targets.isEmpty()) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        List<QuizFileProblem> problems = new ArrayList<>();
        int files = 0;
        for (String target : targets) {
            Path path = Path.of(target);
            if (Files.isDirectory(path)) {
                FolderReport report = QuizFileReader.readFolder(path);
                report.quizzes().forEach(q -> MissingFigures.of(q.file(), q.quiz()).forEach(w -> err.println(q.file() + ": warning: " + w)));
                files += report.quizzes().size() + (int) report.problems().stream().map(QuizFileProblem::file).distinct().count();
                problems.addAll(report.problems());
                for (LoadedQuiz loaded : report.quizzes()) {
                    problems.addAll(VersionCheck.check(loaded.quiz(), seeds));
                }
            } else if (!Files.exists(path)) {
                problems.add(new QuizFileProblem(target, 0, "no such file or folder"));
            } else {
                files++;
                try {
                    Quiz quiz = QuizFileReader.read(path);
                    MissingFigures.of(path, quiz).forEach(w -> err.println(target + ": warning: " + w));
                    problems.addAll(VersionCheck.check(quiz, seeds));
                } catch (QuizFileException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        problems.forEach(out::println);
        if (problems.isEmpty()) {
            out.println(files + (files == 1 ? " quiz file is" : " quiz files are") + " valid");
            return OK;
        }
        err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found");
        return INVALID;
    }

    private static Integer positive(String text) {
        try {
            int value = Integer.parseInt(text);
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private int grade(String[] args) {
        long seed = StudentVersion.FILE_ORDER;
        if (args.length == 5 && "--seed".equals(args[3])) {
            Long given = seed(args[4]);
            if (given == null) {
                return USAGE;
            }
            seed = given;
        } else if (args.length != 3) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        Quiz quiz;
        try {
            quiz = QuizFileReader.read(Path.of(args[1]));
        } catch (QuizFileException e) {
            e.problems().forEach(err::println);
            return USAGE;
        }
        String answers;
        try {
            answers = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println(args[2] + ": no such answers file");
            return USAGE;
        } catch (IOException e) {
            err.println(args[2] + ": cannot read: " + e.getMessage());
            return USAGE;
        }
        try {
            // the student's version: their parameter values' answers, reasons in the letters they saw
            QuizScore score = Grader.grade(StudentVersion.of(quiz, seed), AnswerSheetJson.read(quiz, answers));
            out.println(json.writeValueAsString(report(score)));
            return OK;
        } catch (InvalidAnswersException e) {
            err.println(args[2] + ": " + e.getMessage());
            return USAGE;
        }
    }

    private static Map<String, Object> report(QuizScore score) {
        Map<String, Object> questions = new LinkedHashMap<>();
        for (QuestionScore question : score.questions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("score", number(question.score()));
            entry.put("max", number(question.max()));
            entry.put("reasons", question.reasons());
            questions.put(question.questionId(), entry);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("total", number(score.total()));
        report.put("max", number(score.max()));
        report.put("pending", score.pending());
        report.put("questions", questions);
        return report;
    }

    private static BigDecimal number(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
