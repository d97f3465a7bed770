package org.quizdesk.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer or submission the server acknowledged survives kill -9 of the process a moment later, with the
 * embedded H2 default exactly as configured for users (the packaged jar, its own working folder).
 */
class KillNineDurabilityIT {

    @TempDir
    Path workDir;

    @Test
    void acknowledgedSavesAndSubmissionsSurviveAKillNine() throws Exception {
        copyQuizzes();
        long attemptId;
        String lastAcknowledged;
        // saves back to back: the per-attempt rate is lifted, this is about durability
        try (PackagedApp app = PackagedApp.start(workDir, "--quizdesk.attempts.autosaves-per-second=1000")) {
            app.signIn("student1", "quizdesk");
            String page = app.startQuiz("cse493g1-au24-quiz2", "Ada Lovelace");
            attemptId = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
            lastAcknowledged = null;
            for (int i = 1; i <= 25; i++) {
                String answers = "{\"1.1\": " + (i % 2 == 0) + ", \"3.1.4\": \"draft " + i + "\"}";
                HttpResponse<String> response = app.putAnswers(attemptId, answers);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                lastAcknowledged = "draft " + i;
            }
            app.kill();
        }
        assertThat(storedAnswers(attemptId)).contains("\"3.1.4\":\"" + lastAcknowledged + "\"");

        try (PackagedApp app = PackagedApp.start(workDir)) {
            app.signIn("student1", "quizdesk");
            app.startQuiz("cse493g1-au24-quiz2", "Ada Lovelace");
            HttpResponse<String> submitted = app.submit(attemptId, "{\"1.4\": true, \"3.1.4\": \"final\"}");
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
            app.kill();
        }
        assertThat(storedAnswers(attemptId)).contains("\"3.1.4\":\"final\"");
        assertThat(query("select submitted_by from attempt where id = " + attemptId)).isEqualTo("STUDENT");
        assertThat(query("select total from attempt where id = " + attemptId)).isEqualTo("1.00");
    }

    @Test
    void anAttemptWhoseTimeRanOutWhileTheServerWasDownIsSubmittedAfterTheRestart() throws Exception {
        copyQuizzes();
        long attemptId;
        try (PackagedApp app = PackagedApp.start(workDir)) {
            app.signIn("student2", "quizdesk");
            String page = app.startQuiz("cse493g1-au24-quiz2", "Alan Turing");
            attemptId = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
            assertThat(app.putAnswers(attemptId, "{\"1.4\": true, \"2.1\": [\"A\", \"C\"]}").statusCode()).isEqualTo(200);
            app.kill();
        }
        // the deadline passes while no server runs
        update("update attempt set deadline = dateadd('MINUTE', -10, current_timestamp) where id = " + attemptId);

        try (PackagedApp app = PackagedApp.start(workDir, "--quizdesk.attempts.expiry-check-interval=1s")) {
            app.signIn("student2", "quizdesk");
            long until = System.nanoTime() + 30_000_000_000L;
            // the quiz list only reads; opening the review would submit the attempt itself
            while (System.nanoTime() < until && !app.get("/quizzes").body().contains("badge--submitted")) {
                Thread.sleep(500);
            }
            app.kill();
        }
        assertThat(query("select submitted_by from attempt where id = " + attemptId)).isEqualTo("DEADLINE");
        assertThat(query("select total from attempt where id = " + attemptId)).isEqualTo("5.00");
    }

    private void update(String sql) throws Exception {
        String url = "jdbc:h2:file:" + workDir.resolve("data/quizdesk").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate(sql)).isEqualTo(1);
        }
    }

    private void copyQuizzes() throws Exception {
        Files.createDirectories(workDir.resolve("quizzes"));
        try (var files = Files.list(Path.of("quizzes"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, workDir.resolve("quizzes").resolve(file.getFileName()));
            }
        }
    }

    private String storedAnswers(long attemptId) throws Exception {
        return query("select answers from attempt where id = " + attemptId);
    }

    /** Reads the database file directly, after the process is gone. */
    private String query(String sql) throws Exception {
        String url = "jdbc:h2:file:" + workDir.resolve("data/quizdesk").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }
}
