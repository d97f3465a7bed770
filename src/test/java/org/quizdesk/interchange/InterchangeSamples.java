package org.quizdesk.interchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizFileException;
import org.quizdesk.quiz.QuizFileReader;

/** The sample files under src/test/resources/interchange, and zips made from its folders. */
final class InterchangeSamples {

    static final Path DIR = Path.of("src/test/resources/interchange");

    private InterchangeSamples() {
    }

    static byte[] file(String name) {
        try {
            return Files.readAllBytes(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample package folder zipped as an exporting system would (paths relative to the folder). */
    static byte[] zipOf(String folder) {
        Path root = DIR.resolve(folder);
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> regular = files.filter(Files::isRegularFile).sorted().toList();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Path file : regular) {
                    zip.putNextEntry(new ZipEntry(root.relativize(file).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The import's YAML read back by the quiz file reader, as validate and the catalog read it. */
    static Quiz reread(ImportedQuiz imported) {
        try {
            return QuizFileReader.read(imported.quiz().id() + ".yaml", imported.yaml());
        } catch (QuizFileException e) {
            throw new AssertionError("the imported quiz file does not load:\n" + e.getMessage() + "\n\n" + imported.yaml(), e);
        }
    }
}
