package org.quizdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizFileReader;

/** The command line as a whole: every verb's help, unknown verbs, and import / export with their exit codes. */
class InterchangeCommandsTest {

    static final String SEED = "quizzes/cse493g1-au24-quiz2.yaml";
    static final String MOODLE = "src/test/resources/interchange/moodle-sample.xml";

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final StaffCommandLine cli = new StaffCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void anUnknownVerbPrintsTheUsageAndExitsTwoWhileSpringPropertiesStartTheServer() {
        assertThat(cli.run("frobnicate")).isEqualTo(StaffCommandLine.USAGE);
        assertThat(err()).contains("unknown command \"frobnicate\"", "usage: java -jar quizdesk.jar validate",
                "java -jar quizdesk.jar import", "java -jar quizdesk.jar export");
        assertThat(StaffCommandLine.handles(new String[] {"frobnicate"})).isTrue();
        assertThat(StaffCommandLine.handles(new String[] {"--help"})).isTrue();
        assertThat(StaffCommandLine.handles(new String[] {"-h"})).isTrue();
        assertThat(StaffCommandLine.handles(new String[] {"--server.port=8081"})).isFalse();
        assertThat(StaffCommandLine.handles(new String[] {"--spring.profiles.active=demo", "--server.port=8081"})).isFalse();
        assertThat(StaffCommandLine.handles(new String[0])).isFalse();
    }

    @Test
    void topLevelHelpListsEveryVerb() {
        assertThat(cli.run("-h")).isEqualTo(StaffCommandLine.OK);
        assertThat(out()).contains("validate  checks", "grade     scores", "preview   prints", "import    reads",
                "export    writes", "--server.port=8081");
    }

    @Test
    void everyVerbHasItsOwnHelpWithItsUsageAndOptions() {
        String[][] expected = {
            {"validate", "validate [--seeds N] <quiz-file-or-folder>...", "exit code 1"},
            {"grade", "grade <quiz-file> <answers.json> [--seed N]", "one line of JSON"},
            {"preview", "preview <quiz-file> [--seed N]", "version seed"},
            {"import", "[--out <folder-or-file>] [--id <quiz-id>]", "never\noverwritten"},
            {"export", "--to moodle|qti [--out <file>]", "QTI 2.1 zip package"}};
        for (String[] verb : expected) {
            out.reset();
            assertThat(cli.run(verb[0], "--help")).as(verb[0]).isEqualTo(StaffCommandLine.OK);
            assertThat(out()).as(verb[0]).startsWith("usage: java -jar quizdesk.jar " + verb[0]).contains(verb[1])
                    .contains(verb[2].replace("\n", " ").split(" ")[0]);
            out.reset();
            assertThat(cli.run(verb[0], "-h")).as(verb[0]).isEqualTo(StaffCommandLine.OK);
        }
    }

    @Test
    void importWritesAQuizFileThatValidatesAndListsWhatWasNotCarriedOver() throws Exception {
        assertThat(cli.run("import", MOODLE, "--out", dir.toString(), "--id", "networks")).isEqualTo(StaffCommandLine.OK);
        Path written = dir.resolve("networks.yaml");
        assertThat(out()).contains("imported 12 questions (Moodle XML) into " + written);
        assertThat(err()).contains("moodle-sample.xml: line 122: question \"Match ports\" of Moodle type \"matching\"");
        Quiz quiz = QuizFileReader.read(written);
        assertThat(quiz.id()).isEqualTo("networks");
        out.reset();
        assertThat(cli.run("validate", written.toString())).isEqualTo(StaffCommandLine.OK);
        assertThat(out()).contains("1 quiz file is valid");

        err.reset();
        assertThat(cli.run("import", MOODLE, "--out", dir.toString(), "--id", "networks"))
                .as("an existing file is never overwritten").isEqualTo(StaffCommandLine.INVALID);
        assertThat(err()).contains("already exists; not overwritten");
    }

    @Test
    void importOfAMalformedFileExitsOneWithItsLineAndWrongUsageExitsTwo() throws Exception {
        Path broken = dir.resolve("broken.gift");
        Files.writeString(broken, "::Q1:: Fine {T}\n\n::Q2:: Open {=a ~b\n");
        assertThat(cli.run("import", broken.toString(), "--out", dir.toString())).isEqualTo(StaffCommandLine.INVALID);
        assertThat(err()).contains("broken.gift: line 3: the answer block opened here is never closed");
        assertThat(Files.exists(dir.resolve("broken.yaml"))).isFalse();

        assertThat(cli.run("import")).isEqualTo(StaffCommandLine.USAGE);
        assertThat(cli.run("import", MOODLE, "--bogus", "x")).isEqualTo(StaffCommandLine.USAGE);
        assertThat(cli.run("import", dir.resolve("missing.xml").toString())).isEqualTo(StaffCommandLine.USAGE);
        assertThat(cli.run("import", MOODLE, "--id", "Not A Slug", "--out", dir.toString()))
                .isEqualTo(StaffCommandLine.INVALID);
    }

    @Test
    void exportWritesMoodleXmlAndAQtiPackageThatImportBack() throws Exception {
        Path xml = dir.resolve("seed.xml");
        assertThat(cli.run("export", SEED, "--to", "moodle", "--out", xml.toString())).isEqualTo(StaffCommandLine.OK);
        assertThat(Files.readString(xml)).startsWith("<?xml").contains("<question type=\"multichoice\">");
        assertThat(err()).contains("seed.xml: group 3.1: the format has no groups",
                "question 3.1.1: the shape 4 x 4 x 5 is written as that text");

        Path zip = dir.resolve("seed.zip");
        assertThat(cli.run("export", SEED, "--to", "qti", "--out", zip.toString())).isEqualTo(StaffCommandLine.OK);
        out.reset();
        assertThat(cli.run("import", zip.toString(), "--out", dir.resolve("back").toString(), "--id", "seed-back"))
                .isEqualTo(StaffCommandLine.OK);
        assertThat(out()).contains("imported 10 questions (QTI 2.1)");

        assertThat(cli.run("export", SEED, "--to", "pdf")).isEqualTo(StaffCommandLine.USAGE);
        assertThat(err()).contains("--to must be moodle or qti, not \"pdf\"");
        assertThat(cli.run("export", SEED)).isEqualTo(StaffCommandLine.USAGE);
        assertThat(cli.run("export", dir.resolve("nope.yaml").toString(), "--to", "qti", "--out",
                dir.resolve("x.zip").toString())).isEqualTo(StaffCommandLine.INVALID);
        assertThat(cli.run("export", SEED, "--to", "moodle", "--out", xml.toString()))
                .as("never over an existing file").isEqualTo(StaffCommandLine.INVALID);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
