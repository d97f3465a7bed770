package org.quizdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizdesk.quiz.QuizFileReader;
import org.quizdesk.quiz.StudentVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The commands on a parameterised quiz: grade in a student's version, preview its values, validate many seeds. */
class ParameterCommandLineTest {

    static final String EXAMPLE = "quizzes/shuffle-example.yaml";

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final StaffCommandLine cli = new StaffCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void gradeWithASeedGradesTheAnswerSheetInThatStudentsVersion() throws Exception {
        // a seed whose layer is not the file's 10 -> 5 (55 parameters)
        long seed = 1;
        while (values(seed).get("inputs").equals("10") && values(seed).get("outputs").equals("5")) {
            seed++;
        }
        Map<String, String> values = values(seed);
        int answer = Integer.parseInt(values.get("inputs")) * Integer.parseInt(values.get("outputs"))
                + Integer.parseInt(values.get("outputs"));
        Path theirs = answers("{\"2.3\": \"" + answer + "\"}");

        assertThat(cli.run("grade", EXAMPLE, theirs.toString(), "--seed", String.valueOf(seed))).isEqualTo(StaffCommandLine.OK);
        assertThat(score("2.3")).as("right in their version").isEqualTo("2");
        assertThat(cli.run("grade", EXAMPLE, theirs.toString())).isEqualTo(StaffCommandLine.OK);
        assertThat(score("2.3")).as("wrong in the file's (seed 0: 10 inputs, 5 outputs)").isEqualTo("0");
        assertThat(cli.run("grade", EXAMPLE, answers("{\"2.3\": \"55\"}").toString())).isEqualTo(StaffCommandLine.OK);
        assertThat(score("2.3")).isEqualTo("2");

        assertThat(cli.run("grade", EXAMPLE, theirs.toString(), "--seed", "x")).isEqualTo(StaffCommandLine.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--seed must be a whole number");
    }

    @Test
    void previewShowsEachParameterisedQuestionsValuesAndComputedAnswer() throws Exception {
        Map<String, String> values = values(42);
        assertThat(cli.run("preview", EXAMPLE, "--seed", "42")).isEqualTo(StaffCommandLine.OK);
        int answer = Integer.parseInt(values.get("weights")) + Integer.parseInt(values.get("outputs"));
        assertThat(out()).contains("values: inputs = " + values.get("inputs") + ", outputs = " + values.get("outputs")
                        + ", weights = " + values.get("weights"))
                .contains("layer from " + values.get("inputs") + " inputs to ")
                .contains("    key: " + answer + "\n");
    }

    @Test
    void validateDrawsManyVersionsAndReportsTheSeedThatFails() throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, """
                id: broken
                title: Broken
                time_limit: 10m
                sections:
                  - title: S
                    questions:
                      - id: "2.5"
                        type: short_answer
                        points: 1
                        parameters:
                          x: {from: 1, to: 9}
                        prompt: "What is 1 / ({{x}} - 3)?"
                        accept:
                          - expr: "1 / (x - 3)"
                            tolerance: 0.01
                """);
        assertThat(cli.run("validate", broken.toString())).isEqualTo(StaffCommandLine.INVALID);
        assertThat(out()).startsWith(broken + ":11: question 2.5: with seed ")
                .contains("Division by zero (x = 3)").contains("of 1000 seeds)");

        out.reset();
        assertThat(cli.run("validate", "--seeds", "1", broken.toString())).as("seed 0 alone draws x = 1")
                .isEqualTo(StaffCommandLine.OK);
        assertThat(cli.run("validate", "--seeds", "0", broken.toString())).isEqualTo(StaffCommandLine.USAGE);

        out.reset();
        long start = System.nanoTime();
        assertThat(cli.run("validate", "--seeds", "1000", EXAMPLE)).isEqualTo(StaffCommandLine.OK);
        assertThat(out()).contains("1 quiz file is valid");
        // generous for a busy machine; on a quiet one it takes a fraction of a second
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(20_000);

        assertThat(cli.run("--help")).isEqualTo(StaffCommandLine.OK);
        assertThat(out()).contains("validate [--seeds N]", "grade <quiz-file> <answers.json> [--seed N]",
                "in that student's version", "each parameterised question's values and its computed answers");
    }

    private Map<String, String> values(long seed) throws Exception {
        return StudentVersion.of(QuizFileReader.read(Path.of(EXAMPLE)), seed).values("2.3");
    }

    private Path answers(String json) throws Exception {
        Path file = Files.createTempFile(dir, "answers", ".json");
        Files.writeString(file, json);
        return file;
    }

    /** The score of a question in the last line printed. */
    private String score(String questionId) {
        String[] lines = out().strip().split("\n");
        JsonNode report = JsonMapper.builder().build().readTree(lines[lines.length - 1]);
        return report.get("questions").get(questionId).get("score").asString();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
