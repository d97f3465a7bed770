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
import org.quizdesk.quiz.QuizFileException;
import org.quizdesk.quiz.QuizFileReader;
import org.quizdesk.quiz.StudentVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StaffCommandLineTest {

    static final String SEED = "quizzes/cse493g1-au24-quiz2.yaml";
    static final String KEY = "docs/examples/seed-solution-key.json";

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final StaffCommandLine cli = new StaffCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void validateAcceptsTheQuizzesFolder() {
        assertThat(cli.run("validate", "quizzes")).isEqualTo(StaffCommandLine.OK);
        // the seed quiz and the example of shuffles (quizzes/shuffle-example.yaml)
        assertThat(out()).contains("2 quiz files are valid");
    }

    @Test
    void previewPrintsAStudentsVersionWithTheirLettersTheFilesKeysAndTheKey() {
        assertThat(cli.run("preview", "quizzes/shuffle-example.yaml", "--seed", "42")).isEqualTo(StaffCommandLine.OK);
        String preview = out();
        StudentVersion version = StudentVersion.of(quiz("quizzes/shuffle-example.yaml"), 42);
        assertThat(preview).contains("version seed 42", "[questions shuffled]", "None of the above [fixed]");
        // 2.1's options in the student's order: each letter with the file's key behind it where they differ
        String dropout = version.label("2.1", "A");
        assertThat(preview).contains(dropout + (dropout.equals("A") ? "" : " (file: A)") + ": Dropout  <- correct");
        assertThat(preview.indexOf("  2.1 ") < preview.indexOf("  2.2 "))
                .isEqualTo(version.quiz().questions().stream().map(q -> q.id()).toList().indexOf("2.1")
                        < version.quiz().questions().stream().map(q -> q.id()).toList().indexOf("2.2"));
        assertThat(cli.run("preview", "quizzes/shuffle-example.yaml", "--seed", "42")).isEqualTo(StaffCommandLine.OK);
        assertThat(out()).as("the same seed prints the same version").isEqualTo(preview + preview);
    }

    @Test
    void previewWithoutASeedIsTheFilesOrderAndTheSeedQuizKeepsItsKeys() {
        assertThat(cli.run("preview", SEED)).isEqualTo(StaffCommandLine.OK);
        assertThat(out()).contains("(the file's order)", "    A: ", "    D: ").doesNotContain("(file: ");
    }

    @Test
    void previewRefusesABadSeedAndHelpExplainsIt() {
        assertThat(cli.run("preview", SEED, "--seed", "x")).isEqualTo(StaffCommandLine.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--seed must be a whole number");
        assertThat(cli.run("--help")).isEqualTo(StaffCommandLine.OK);
        assertThat(out()).contains("preview <quiz-file> [--seed N]", "version seed shown on the staff attempt page");
        assertThat(StaffCommandLine.handles(new String[] {"preview"})).isTrue();
    }

    private static Quiz quiz(String file) {
        try {
            return QuizFileReader.read(Path.of(file));
        } catch (QuizFileException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void validatePrintsFileLineAndMessageAndExitsOne() throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, """
                id: broken
                title: Broken
                time_limit: 10m
                sections:
                  - title: One
                    questions:
                      - id: "1"
                        type: true_false
                        pionts: 1
                        prompt: Is this broken?
                        answer: true
                """);
        assertThat(cli.run("validate", broken.toString(), SEED)).isEqualTo(StaffCommandLine.INVALID);
        assertThat(out()).contains(broken + ":9: ").contains("pionts");
        assertThat(err()).contains("problem");
    }

    @Test
    void validateReportsAMissingPath() {
        assertThat(cli.run("validate", dir.resolve("nope.yaml").toString())).isEqualTo(StaffCommandLine.INVALID);
        assertThat(out()).contains("no such file or folder");
    }

    @Test
    void gradeScoresTheSolutionKeyEighteenOfTwentyWithTheHandGradedPartPending() throws Exception {
        assertThat(cli.run("grade", SEED, KEY)).isEqualTo(StaffCommandLine.OK);
        JsonNode report = JsonMapper.builder().build().readTree(out());
        assertThat(report.get("total").asString()).isEqualTo("18");
        assertThat(report.get("max").asString()).isEqualTo("20");
        assertThat(report.get("pending").get(0).asString()).isEqualTo("3.1.4");
        assertThat(report.get("questions").size()).isEqualTo(10);
        assertThat(report.get("questions").get("3.1.4").get("score").isNull()).isTrue();
        assertThat(report.get("questions").get("2.1").get("max").asString()).isEqualTo("4");
        assertThat(out()).startsWith("{\"total\":18,\"max\":20,\"pending\":[\"3.1.4\"],\"questions\":{\"1.1\":");
    }

    @Test
    void gradeExplainsLostPoints() throws Exception {
        Path answers = dir.resolve("answers.json");
        Files.writeString(answers, "{\"2.1\": [\"A\"], \"3.1.1\": \"4x5x4\"}");
        assertThat(cli.run("grade", SEED, answers.toString())).isEqualTo(StaffCommandLine.OK);
        JsonNode report = JsonMapper.builder().build().readTree(out());
        assertThat(report.get("questions").get("2.1").get("score").asString()).isEqualTo("2");
        assertThat(report.get("questions").get("2.1").get("reasons").get(0).asString()).isEqualTo("missed C (−2)");
        assertThat(report.get("questions").get("3.1.1").get("score").asString()).isEqualTo("0");
    }

    @Test
    void badAnswersUnknownQuizFilesAndWrongUsageExitTwoWithOneLine() throws Exception {
        Path answers = dir.resolve("bad.json");
        Files.writeString(answers, "{\"2.1\": [\"Z\"]}");
        assertThat(cli.run("grade", SEED, answers.toString())).isEqualTo(StaffCommandLine.USAGE);
        assertThat(err()).contains("bad.json: ").contains("\"Z\"");
        assertThat(err().strip().lines().count()).isEqualTo(1);

        err.reset();
        assertThat(cli.run("grade", dir.resolve("missing.yaml").toString(), KEY)).isEqualTo(StaffCommandLine.USAGE);
        assertThat(err().strip().lines().count()).isEqualTo(1);

        err.reset();
        assertThat(cli.run("grade", SEED, dir.resolve("missing.json").toString())).isEqualTo(StaffCommandLine.USAGE);
        assertThat(err()).contains("no such answers file");

        assertThat(cli.run("grade", SEED)).isEqualTo(StaffCommandLine.USAGE);
        assertThat(StaffCommandLine.handles(new String[] {"--server.port=9000"})).isFalse();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
