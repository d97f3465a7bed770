package org.quizdesk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.quizdesk.interchange.CarryOverNote;
import org.quizdesk.interchange.ExportedQuiz;
import org.quizdesk.interchange.ImportException;
import org.quizdesk.interchange.ImportedQuiz;
import org.quizdesk.interchange.QuizInterchange;
import org.quizdesk.interchange.QuizInterchange.ExportFormat;
import org.quizdesk.quiz.QuizFileException;
import org.quizdesk.quiz.QuizFileReader;

/**
 * {@code import} and {@code export}: other systems' files to quiz files and back. What a format cannot carry is
 * printed on stderr, one line per thing, and (on import) written as comments into the quiz file.
 */
final class InterchangeCommands {

    static final String IMPORT_HELP = """
            reads a Moodle XML file, a GIFT file or a QTI 2.1 / Canvas QTI 1.2 zip package (told apart by their
            content) and writes a quiz file that passes validate: <id>.yaml in the folder --out names (default
            the current folder), or the file --out names when it ends in .yaml; an existing file is never
            overwritten. --id sets the quiz id (default: from the file name). What could not be carried over is
            listed on stderr and as comments in the file. Exit code 0 when written, 1 when the file cannot be
            imported (its line or item is named), 2 for wrong usage""";
    static final String EXPORT_HELP = """
            writes a quiz file as Moodle XML (--to moodle, <id>.xml) or as a QTI 2.1 zip package (--to qti,
            <id>-qti.zip), to the file --out names (default: that name in the current folder; never over an
            existing file). What the format cannot carry is listed on stderr. Exit code 0 when written, 1 when
            the quiz file is invalid, 2 for wrong usage""";

    private final PrintStream out;
    private final PrintStream err;

    InterchangeCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int importFile(List<String> args) {
        Options options = Options.of(args, List.of("--out", "--id"));
        if (options == null || options.positional().size() != 1) {
            return usage("import");
        }
        Path source = Path.of(options.positional().get(0));
        byte[] content;
        try {
            if (Files.size(source) > QuizInterchange.MAX_FILE_BYTES) {
                err.println(source + ": larger than " + QuizInterchange.MAX_FILE_BYTES / (1024 * 1024) + " MB");
                return StaffCommandLine.INVALID;
            }
            content = Files.readAllBytes(source);
        } catch (NoSuchFileException e) {
            err.println(source + ": no such file");
            return StaffCommandLine.USAGE;
        } catch (IOException e) {
            err.println(source + ": cannot read: " + e.getMessage());
            return StaffCommandLine.USAGE;
        }
        ImportedQuiz imported;
        try {
            imported = QuizInterchange.importFile(content, source.getFileName().toString(), options.value("--id"));
        } catch (ImportException e) {
            err.println(e.getMessage());
            return StaffCommandLine.INVALID;
        }
        String outOption = options.value("--out") == null ? "." : options.value("--out");
        Path target = outOption.endsWith(".yaml") || outOption.endsWith(".yml") ? Path.of(outOption)
                : Path.of(outOption).resolve(imported.quiz().id() + ".yaml");
        try {
            // the reader checks that the id matches the file name: the same check validate makes
            QuizFileReader.read(target.toString(), imported.yaml());
        } catch (QuizFileException e) {
            e.problems().forEach(p -> err.println("the written quiz would not load: " + p));
            return StaffCommandLine.INVALID;
        }
        // the images first, next to the quiz file where its figures name them, so that the quiz never loads without them
        Path folder = target.toAbsolutePath().getParent();
        if (Files.exists(target)) {
            err.println(target + ": already exists; not overwritten (remove it or choose another --out)");
            return StaffCommandLine.INVALID;
        }
        for (Map.Entry<String, byte[]> image : imported.images().entrySet()) {
            Path file = folder.resolve(image.getKey());
            if (!sameFile(file, image.getValue()) && !write(file, image.getValue())) {
                return StaffCommandLine.INVALID;
            }
        }
        if (!write(target, imported.yaml().getBytes(StandardCharsets.UTF_8))) {
            return StaffCommandLine.INVALID;
        }
        imported.notes().forEach(n -> err.println(source.getFileName() + ": " + n));
        out.println("imported " + imported.quiz().questions().size() + " questions (" + imported.format() + ") into "
                + target + (imported.images().isEmpty() ? "" : " with " + imported.images().size() + " image(s) under "
                + folder.resolve(imported.quiz().id()).resolve("figures")) + (imported.notes().isEmpty() ? "" : "; " + imported.notes().size()
                + (imported.notes().size() == 1 ? " thing" : " things") + " not carried over or changed, listed above"));
        return StaffCommandLine.OK;
    }

    int exportFile(List<String> args) {
        Options options = Options.of(args, List.of("--to", "--out"));
        if (options == null || options.positional().size() != 1 || options.value("--to") == null) {
            return usage("export");
        }
        ExportFormat format;
        try {
            format = ExportFormat.of(options.value("--to"));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return StaffCommandLine.USAGE;
        }
        ExportedQuiz exported;
        try {
            exported = QuizInterchange.export(QuizFileReader.read(Path.of(options.positional().get(0))), format);
        } catch (QuizFileException e) {
            e.problems().forEach(err::println);
            return StaffCommandLine.INVALID;
        }
        Path target = Path.of(options.value("--out") == null ? exported.fileName() : options.value("--out"));
        if (!write(target, exported.content())) {
            return StaffCommandLine.INVALID;
        }
        exported.notes().forEach(n -> err.println(target.getFileName() + ": " + n));
        out.println("exported to " + target + (exported.notes().isEmpty() ? ""
                : "; " + exported.notes().size() + " things the format does not carry, listed above"));
        return StaffCommandLine.OK;
    }

    /** Whether the file is there with this content already (an image of an earlier import of the same file). */
    private static boolean sameFile(Path file, byte[] content) {
        try {
            return Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content);
        } catch (IOException e) {
            return false;
        }
    }

    private boolean write(Path target, byte[] content) {
        if (Files.exists(target)) {
            err.println(target + ": already exists; not overwritten (remove it or choose another --out)");
            return false;
        }
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.write(target, content);
            return true;
        } catch (IOException e) {
            err.println(target + ": cannot write: " + e.getMessage());
            return false;
        }
    }

    private int usage(String verb) {
        err.println("usage: java -jar quizdesk.jar " + (verb.equals("import")
                ? "import <moodle.xml|quiz.gift|qti.zip> [--out <folder-or-file>] [--id <quiz-id>]"
                : "export <quiz-file> --to moodle|qti [--out <file>]") + "  (" + verb + " --help explains)");
        return StaffCommandLine.USAGE;
    }

    /** Positional arguments and "--name value" options; null when an option is unknown or has no value. */
    private record Options(List<String> positional, java.util.Map<String, String> values) {

        String value(String name) {
            return values.get(name);
        }

        static Options of(List<String> args, List<String> names) {
            List<String> positional = new java.util.ArrayList<>();
            java.util.Map<String, String> values = new java.util.HashMap<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.startsWith("--")) {
                    if (!names.contains(arg) || i + 1 >= args.size()) {
                        return null;
                    }
                    values.put(arg, args.get(++i));
                } else {
                    positional.add(arg);
                }
            }
            return new Options(positional, values);
        }
    }
}
