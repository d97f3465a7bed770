package org.quizdesk.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.quizdesk.interchange.CarryOverNote;
import org.quizdesk.interchange.ImportException;
import org.quizdesk.interchange.ImportedQuiz;
import org.quizdesk.interchange.QuizInterchange;
import org.quizdesk.quiz.FolderSync;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.QuizFileException;
import org.quizdesk.quiz.QuizFileReader;
import org.quizdesk.quiz.QuizProperties;
import org.springframework.stereotype.Service;

/**
 * Import by upload: another system's file converted (by {@link QuizInterchange}, as the command line's import) for
 * the instructor's preview, and on their confirmation written into the quiz folder with its images and synced, so
 * that the quiz appears as any new quiz file does. Nothing touches the folder before the confirmation.
 */
@Service
class QuizImports {

    private final QuizCatalog catalog;
    private final QuizProperties quizzes;
    private final ImportProperties properties;

    QuizImports(QuizCatalog catalog, QuizProperties quizzes, ImportProperties properties) {
        this.catalog = catalog;
        this.quizzes = quizzes;
        this.properties = properties;
    }

    /**
     * An upload converted as it would be written, read back as the quiz folder would read it.
     *
     * @param exists whether a quiz of this id is in the folder or the catalog already
     */
    record Converted(ImportedQuiz imported, Quiz quiz, boolean exists) {

        /** What could not be carried over from the file as a whole, or from questions that were left out. */
        public List<CarryOverNote> fileNotes() {
            return imported.notes().stream().filter(n -> n.questionId() == null).toList();
        }

        /** What could not be carried over, or was changed, per imported question, in the quiz's order. */
        public Map<String, List<CarryOverNote>> questionNotes() {
            Map<String, List<CarryOverNote>> byQuestion = new LinkedHashMap<>();
            quiz.questions().forEach(q -> byQuestion.put(q.id(), List.of()));
            byQuestion.putAll(imported.notes().stream().filter(n -> n.questionId() != null)
                    .collect(Collectors.groupingBy(CarryOverNote::questionId, LinkedHashMap::new, Collectors.toList())));
            byQuestion.values().removeIf(List::isEmpty);
            return byQuestion;
        }

        public List<CarryOverNote> scoreDifferences() {
            return imported.notes().stream().filter(CarryOverNote::scoresDiffer).toList();
        }
    }

    /** What a confirmed import wrote, and the sync that followed. */
    record Written(String quizId, Path file, int questions, int images, boolean replaced, FolderSync sync) {
    }

    /** The upload as it waits for the confirmation, or refused (empty, too large) with a message that says so. */
    PendingImport upload(String originalName, byte[] content) throws ImportRefused {
        String name = fileName(originalName);
        if (content.length == 0) {
            throw new ImportRefused("The file " + name + " is empty: choose a Moodle XML, GIFT or QTI zip file.");
        }
        if (content.length > properties.maxUploadSize().toBytes()) {
            throw new ImportRefused("The file " + name + " is " + megabytes(content.length) + " MB, larger than the "
                    + megabytes(properties.maxUploadSize().toBytes()) + " MB an upload may be. A question bank is far "
                    + "smaller: export fewer questions at once, or import it with the command line (java -jar "
                    + "quizdesk.jar import), which takes up to 20 MB.");
        }
        return new PendingImport(name, content);
    }

    /** @param quizId the id (and file name) to give the quiz, or null for the one made from the file's name */
    Converted convert(PendingImport pending, String quizId) throws ImportException, ImportRefused {
        ImportedQuiz imported = QuizInterchange.importFile(pending.content(), pending.fileName(), quizId);
        String id = imported.quiz().id();
        try {
            Quiz quiz = QuizFileReader.read(id + ".yaml", imported.yaml());
            return new Converted(imported, quiz, exists(id));
        } catch (QuizFileException e) {
            // the importer writes files that load; this would be its bug, still said rather than written
            throw new ImportRefused("The converted quiz would not load: " + e.problems().stream()
                    .map(Object::toString).collect(Collectors.joining("; ")));
        }
    }

    /**
     * Writes the quiz file (and its images, first) into the quiz folder and syncs it.
     *
     * @throws ImportRefused when a quiz of that id exists and {@code replace} was not chosen
     */
    synchronized Written write(PendingImport pending, ImportForm form) throws ImportException, ImportRefused {
        Converted converted = convert(pending, form.quizId());
        String id = converted.quiz().id();
        Path dir = quizzes.dir().toAbsolutePath().normalize();
        if (Files.exists(dir.resolve(id + ".yml"))) {
            throw new ImportRefused("The quiz folder has " + id + ".yml for this quiz: edit that file, or choose "
                    + "another name.");
        }
        if (converted.exists() && !form.replace()) {
            throw new ImportRefused("A quiz named " + id + " exists already. Choose another name, or tick \"Replace "
                    + "the existing quiz\" to make this its new version (attempts keep the version they were taken on).");
        }
        try {
            for (Map.Entry<String, byte[]> image : converted.imported().images().entrySet()) {
                writeAtomically(inside(dir, image.getKey()), image.getValue());
            }
            Path file = inside(dir, id + ".yaml");
            writeAtomically(file, converted.imported().yaml().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new Written(id, file, converted.quiz().questions().size(), converted.imported().images().size(),
                    converted.exists(), catalog.sync());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the imported quiz " + id + " into " + dir, e);
        }
    }

    private boolean exists(String id) {
        Path dir = quizzes.dir();
        return Files.exists(dir.resolve(id + ".yaml")) || Files.exists(dir.resolve(id + ".yml"))
                || catalog.current(id).isPresent();
    }

    /** A path in the quiz folder; the quiz id's pattern already keeps it there, this makes sure of it. */
    private static Path inside(Path dir, String relative) throws ImportRefused {
        Path path = dir.resolve(relative).normalize();
        if (!path.startsWith(dir) || path.equals(dir)) {
            throw new ImportRefused("The name " + relative + " would be outside the quiz folder.");
        }
        return path;
    }

    /** A temporary file beside the target, then moved: the watcher never reads half a file. */
    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".import-", ".part");
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The uploaded file's own name: browsers may send a path, which is never used as one. */
    static String fileName(String originalName) {
        String name = originalName == null ? "" : originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > 120) {
            name = name.substring(name.length() - 120);
        }
        return name.isEmpty() ? "upload" : name;
    }

    private static String megabytes(long bytes) {
        return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1024 * 1024), 1,
                java.math.RoundingMode.UP).stripTrailingZeros().toPlainString();
    }
}
