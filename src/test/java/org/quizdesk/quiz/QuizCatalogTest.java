package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The catalog's sync of the quiz folder: versions by content, bad files reported and skipped. */
@SpringBootTest
@ActiveProfiles("test")
class QuizCatalogTest {

    static final String ID = "cse493g1-au24-quiz2";
    static final Path DIR = copyOfQuizzes();

    @DynamicPropertySource
    static void quizzes(DynamicPropertyRegistry registry) {
        registry.add("quizdesk.quizzes.dir", DIR::toString);
    }

    @Autowired QuizCatalog catalog;

    @Test
    void aChangedFileBecomesANewVersionAndOldVersionsStayAsTheyWere() throws Exception {
        CurrentQuiz first = catalog.current(ID).orElseThrow();
        assertThat(catalog.all()).extracting(CurrentQuiz::id).containsExactly(ID);

        catalog.sync();
        assertThat(catalog.current(ID).orElseThrow().versionId()).as("same content, same version").isEqualTo(first.versionId());

        Path file = DIR.resolve(ID + ".yaml");
        Files.writeString(file, Files.readString(file).replace("title: \"CSE 493 G1 / 599 G1 Deep Learning — Quiz 2\"",
                "title: \"Deep Learning — Quiz 2 (revised)\""));
        catalog.sync();

        CurrentQuiz second = catalog.current(ID).orElseThrow();
        assertThat(second.versionId()).isNotEqualTo(first.versionId());
        assertThat(second.quiz().title()).isEqualTo("Deep Learning — Quiz 2 (revised)");
        assertThat(catalog.version(first.versionId()).title()).isEqualTo("CSE 493 G1 / 599 G1 Deep Learning — Quiz 2");
        assertThat(catalog.history(ID)).hasSize(2);
    }

    @Test
    void aBrokenFileIsReportedWithFileAndLineAndDoesNotStopTheOthers() throws Exception {
        Files.writeString(DIR.resolve("broken.yaml"), "id: broken\ntitle: Broken\ntime_limit: soon\nsections: []\n");
        FolderSync report = catalog.sync();

        assertThat(report.loaded()).containsExactly(ID);
        assertThat(catalog.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).endsWith("broken.yaml"));
        assertThat(catalog.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("time_limit");
        });
        assertThat(catalog.current("broken")).isEmpty();
        Files.delete(DIR.resolve("broken.yaml"));
    }

    private static Path copyOfQuizzes() {
        try {
            Path dir = Files.createTempDirectory("quizdesk-catalog");
            Files.copy(Path.of("quizzes", ID + ".yaml"), dir.resolve(ID + ".yaml"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
