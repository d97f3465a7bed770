package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** readFolder loads the good files, reports the bad ones, and reports a second file with an id already used. */
class QuizFolderTest {

    private static final Path FOLDER = Path.of("src/test/resources/quizfiles/folder");

    @Test
    void goodFilesLoadBadFilesAreReported() throws Exception {
        FolderReport report = QuizFileReader.readFolder(FOLDER);

        assertThat(report.quizzes()).singleElement().satisfies(loaded -> {
            assertThat(loaded.file()).isEqualTo(FOLDER.resolve("good.yaml"));
            assertThat(loaded.quiz().id()).isEqualTo("good");
            assertThat(loaded.source()).isEqualTo(Files.readString(loaded.file()));
            assertThat(loaded.contentHash()).hasSize(64).isEqualTo(QuizFileReader.sha256(loaded.source()));
        });
        assertThat(report.problems()).extracting(QuizFileProblem::toString).containsExactly(
                FOLDER.resolve("bad.yaml") + ":7: question 1: unknown field \"pionts\" (did you mean \"points\"?)",
                FOLDER.resolve("bad.yaml") + ":7: question 1: missing required field \"points\"",
                FOLDER.resolve("good.yml") + ":2: quiz id \"good\" is already used by " + FOLDER.resolve("good.yaml"));
        assertThat(report.ok()).isFalse();
    }

    @Test
    void theQuizzesFolderOfTheProjectLoadsCleanly() {
        FolderReport report = QuizFileReader.readFolder(Path.of("quizzes"));
        assertThat(report.problems()).isEmpty();
        assertThat(report.quizzes()).extracting(l -> l.quiz().id()).contains("cse493g1-au24-quiz2");
    }

    @Test
    void aMissingFolderIsReportedWithWhereItWasLookedForAndTheSettingThatMovesIt(@TempDir Path dir) {
        Path missing = dir.resolve("quizzes");

        FolderReport report = QuizFileReader.readFolder(missing);

        assertThat(report.quizzes()).isEmpty();
        assertThat(report.problems()).extracting(QuizFileProblem::message).containsExactly("there is no such folder ("
                + missing.toAbsolutePath().normalize() + "): put the quiz files there, or set quizdesk.quizzes.dir to their folder");
    }

    @Test
    void hashIsSha256OfTheUtf8Text(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.yaml"), """
                id: x
                title: "Größe — Quiz"
                time_limit: 1h30m
                sections:
                  - title: S
                    questions:
                      - {id: "1", type: true_false, points: 0.5, prompt: P, answer: true}
                """, StandardCharsets.UTF_8);
        FolderReport report = QuizFileReader.readFolder(dir);
        assertThat(report.problems()).isEmpty();
        LoadedQuiz loaded = report.quizzes().get(0);
        assertThat(loaded.quiz().timeLimit()).hasMinutes(90);
        assertThat(loaded.contentHash()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(dir.resolve("x.yaml")))));
    }

    @Test
    void unreadableFilesAndMissingFoldersAreProblemsAtLineOne(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("latin1.yaml"), new byte[] {'i', 'd', ':', ' ', (byte) 0xE9});
        assertThat(QuizFileReader.readFolder(dir).problems()).extracting(QuizFileProblem::toString)
                .containsExactly(dir.resolve("latin1.yaml") + ":1: cannot read the file: it is not UTF-8 text");
        assertThat(QuizFileReader.readFolder(dir.resolve("nope")).problems()).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(1));
    }
}
