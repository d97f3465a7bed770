package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Syncing the quiz folder into the database: the start-up sync, an unchanged file, a changed file that becomes a
 * new version while the old one stays readable. On H2 here and on PostgreSQL in {@link PostgresQuizCatalogPersistenceTest}.
 */
@SpringBootTest
@ActiveProfiles("test")
class QuizCatalogPersistenceTest {

    static final String QUIZ = "cse493g1-au24-quiz2";

    /** Each Spring context gets a folder of its own with a copy of the seed quiz, which the tests then change. */
    @DynamicPropertySource
    static void quizFolderOfThisContext(DynamicPropertyRegistry registry) {
        try {
            Path folder = Files.createTempDirectory("quizdesk-catalog-");
            Files.copy(Paths.get("quizzes", QUIZ + ".yaml"), folder.resolve(QUIZ + ".yaml"));
            registry.add("quizdesk.quizzes.dir", folder::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    QuizCatalog catalog;

    @Autowired
    QuizProperties properties;

    @Test
    void theStartUpSyncRecordsTheSeedQuizAndAnUnchangedFileAddsNoVersion() {
        catalog.sync();
        CurrentQuiz current = catalog.current(QUIZ).orElseThrow();
        int versions = catalog.history(QUIZ).size();

        catalog.sync();

        assertThat(catalog.current(QUIZ).orElseThrow().versionId()).isEqualTo(current.versionId());
        assertThat(catalog.history(QUIZ)).hasSize(versions);
        assertThat(current.quiz().maxPoints()).isEqualByComparingTo("20");
        assertThat(catalog.all()).extracting(CurrentQuiz::id).contains(QUIZ);
    }

    @Test
    void aChangedFileBecomesTheCurrentVersionAndTheOldVersionStaysReadable() throws IOException {
        long before = catalog.current(QUIZ).orElseThrow().versionId();
        Path file = properties.dir().resolve(QUIZ + ".yaml");
        String source = Files.readString(file);
        try {
            Files.writeString(file, source.replace("title: \"CSE 493 G1 / 599 G1 Deep Learning — Quiz 2\"",
                    "title: \"Deep Learning — Quiz 2 (make-up)\""));

            catalog.sync();

            CurrentQuiz now = catalog.current(QUIZ).orElseThrow();
            assertThat(now.versionId()).isNotEqualTo(before);
            assertThat(now.quiz().title()).isEqualTo("Deep Learning — Quiz 2 (make-up)");
            assertThat(now.settings().getTitle()).isEqualTo("Deep Learning — Quiz 2 (make-up)");
            assertThat(catalog.version(before).title()).isEqualTo("CSE 493 G1 / 599 G1 Deep Learning — Quiz 2");
            assertThat(catalog.history(QUIZ)).extracting(QuizVersion::id).contains(before, now.versionId());
        } finally {
            Files.writeString(file, source);
            catalog.sync();
        }
        assertThat(catalog.current(QUIZ).orElseThrow().versionId()).as("the old content is the old version again").isEqualTo(before);
    }
}
