package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A quiz file added, changed or broken while the server runs is picked up without a restart. */
@SpringBootTest(properties = {"quizdesk.quizzes.watch=true", "quizdesk.quizzes.watch-quiet-period=200ms"})
@ActiveProfiles("test")
class QuizFolderWatcherTest {

    static final Path DIR = emptyFolder();
    static final Duration WITHIN = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void quizzes(DynamicPropertyRegistry registry) {
        registry.add("quizdesk.quizzes.dir", DIR::toString);
    }

    @Autowired QuizCatalog catalog;

    @Test
    void aNewAChangedAndABrokenFileAreSyncedWhileTheServerRuns() throws Exception {
        assertThat(catalog.current("watched")).isEmpty();

        // new: written as an editor does, to a temporary name and renamed into place
        Path temporary = DIR.resolve(".watched.yaml.swp");
        Files.writeString(temporary, quiz("Watched, first version", "true"));
        Files.move(temporary, DIR.resolve("watched.yaml"), StandardCopyOption.ATOMIC_MOVE);
        await().atMost(WITHIN).until(() -> catalog.current("watched").isPresent());
        CurrentQuiz first = catalog.current("watched").orElseThrow();
        assertThat(first.quiz().title()).isEqualTo("Watched, first version");

        // changed: a new version becomes current; the first stays as it was for attempts taken on it
        Files.writeString(DIR.resolve("watched.yaml"), quiz("Watched, second version", "false"));
        await().atMost(WITHIN).until(() -> catalog.current("watched").orElseThrow().quiz().title().equals("Watched, second version"));
        long second = catalog.current("watched").orElseThrow().versionId();
        assertThat(second).isNotEqualTo(first.versionId());
        assertThat(catalog.version(first.versionId()).title()).isEqualTo("Watched, first version");

        // broken: reported with file and line, and the version that works stays current
        Files.writeString(DIR.resolve("watched.yaml"), quiz("Watched, broken", "maybe"));
        await().atMost(WITHIN).until(() -> !catalog.problems().isEmpty());
        assertThat(catalog.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).endsWith("watched.yaml");
            assertThat(problem.line()).isEqualTo(12);
            assertThat(problem.message()).contains("answer");
        });
        assertThat(catalog.current("watched").orElseThrow().versionId()).isEqualTo(second);

        // fixed again: the problem is gone
        Files.writeString(DIR.resolve("watched.yaml"), quiz("Watched, third version", "true"));
        await().atMost(WITHIN).until(() -> catalog.problems().isEmpty());
        assertThat(catalog.current("watched").orElseThrow().quiz().title()).isEqualTo("Watched, third version");
    }

    static String quiz(String title, String answer) {
        return """
                id: watched
                title: "%s"
                course: "Quizdesk tests"
                time_limit: 5m
                sections:
                  - title: Only
                    questions:
                      - id: "1.1"
                        type: true_false
                        points: 1
                        prompt: A quiz file can change while the server runs.
                        answer: %s
                """.formatted(title, answer);
    }

    private static Path emptyFolder() {
        try {
            return Files.createTempDirectory("quizdesk-watched");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
