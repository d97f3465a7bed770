package org.quizdesk.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizdesk.cli.StaffCommandLine;
import org.quizdesk.quiz.Figure;
import org.quizdesk.quiz.Quiz;

/**
 * Images in imports: Moodle's embedded files and a package's image entries become figures with their file under
 * {@code <id>/figures/}; an image the source does not carry, or an SVG, is listed per question, never dropped.
 */
class ImportImagesTest {

    /** A 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static final String MOODLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz>
              <question type="truefalse">
                <name><text>Diagram</text></name>
                <questiontext format="html"><text><![CDATA[<p>Is this a tree?</p><img src="@@PLUGINFILE@@/Tree%20Diagram.png" alt="A tree"><img src="@@PLUGINFILE@@/logo.svg" alt="A logo"><img src="@@PLUGINFILE@@/lost.png" alt="Lost">]]></text>
                  <file name="Tree Diagram.png" path="/" encoding="base64">PNG</file>
                  <file name="logo.svg" path="/" encoding="base64">PHN2Zy8+</file>
                </questiontext>
                <answer fraction="100"><text>true</text></answer>
                <answer fraction="0"><text>false</text></answer>
              </question>
            </quiz>
            """.replace("PNG</file>", Base64.getMimeEncoder().encodeToString(PNG) + "</file>");

    @Test
    void moodlesEmbeddedImagesBecomeFiguresWithTheirFilesAndTheOthersAreListed() throws Exception {
        ImportedQuiz imported = QuizInterchange.importFile(MOODLE.getBytes(StandardCharsets.UTF_8), "trees.xml", null);
        assertThat(imported.images()).containsOnlyKeys("trees/figures/tree-diagram.png");
        assertThat(imported.images().get("trees/figures/tree-diagram.png")).isEqualTo(PNG);
        Quiz quiz = InterchangeSamples.reread(imported);
        assertThat(quiz.questions().get(0).figures()).extracting(Figure::file)
                .containsExactly("trees/figures/tree-diagram.png", null, null);
        assertThat(imported.notes()).anyMatch(n -> "1.1".equals(n.questionId())
                && n.message().startsWith("image \"logo.svg\" in the prompt is not carried over: an SVG"));
        assertThat(imported.notes()).anyMatch(n -> "1.1".equals(n.questionId())
                && n.message().startsWith("image \"lost.png\" in the prompt is not carried over"));
        assertThat(imported.notes()).noneMatch(n -> n.message().contains("Tree"));
    }

    @Test
    void aQtiPackagesImageEntryIsCarriedOverRelativeToItsItem() throws Exception {
        Map<String, byte[]> entries = sampleEntries("qti21-sample");
        entries.put("items/images/sign.png", PNG);
        ImportedQuiz imported = QuizInterchange.importFile(zip(entries), "luggage.zip", null);
        assertThat(imported.images()).containsOnlyKeys("luggage/figures/sign.png");
        assertThat(imported.yaml()).contains("file: luggage/figures/sign.png");
        assertThat(imported.notes()).noneMatch(n -> n.message().contains("sign.png"));
        InterchangeSamples.reread(imported);
        // without the entry, the same item lists it
        ImportedQuiz without = QuizInterchange.importFile(InterchangeSamples.zipOf("qti21-sample"), "luggage.zip", null);
        assertThat(without.images()).isEmpty();
        assertThat(without.notes()).anyMatch(n -> n.message().startsWith("image \"images/sign.png\" in the prompt is not carried over"));
    }

    @Test
    void canvasFileBaseLinksAreFoundInWebResources() throws Exception {
        Map<String, byte[]> entries = sampleEntries("canvas-qti12-sample");
        String g1 = new String(entries.get("g1/g1.xml"), StandardCharsets.UTF_8).replaceFirst(
                "&lt;p&gt;What is the symbol of sodium\\?&lt;/p&gt;", "&lt;p&gt;What is the symbol of sodium?&lt;/p&gt;"
                        + "&lt;img src=&quot;\\$IMS-CC-FILEBASE\\$/Uploaded%20Media/table.png?canvas_download=1&quot; alt=&quot;Periodic table&quot;&gt;");
        assertThat(g1).contains("table.png");
        entries.put("g1/g1.xml", g1.getBytes(StandardCharsets.UTF_8));
        entries.put("web_resources/Uploaded Media/table.png", PNG);
        ImportedQuiz imported = QuizInterchange.importFile(zip(entries), "chemistry.zip", null);
        assertThat(imported.images()).containsOnlyKeys("chemistry/figures/table.png");
        InterchangeSamples.reread(imported);
    }

    @Test
    void theCommandLineWritesTheImagesNextToTheQuizFile(@TempDir Path out) throws Exception {
        Path source = out.resolve("trees.xml");
        Files.writeString(source, MOODLE);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new StaffCommandLine(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("import", source.toString(), "--out", out.toString());
        assertThat(exit).isEqualTo(StaffCommandLine.OK);
        assertThat(out.resolve("trees/figures/tree-diagram.png")).hasBinaryContent(PNG);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("logo.svg").contains("lost.png");
    }

    private static Map<String, byte[]> sampleEntries(String folder) throws IOException {
        Path root = InterchangeSamples.DIR.resolve(folder);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                entries.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
