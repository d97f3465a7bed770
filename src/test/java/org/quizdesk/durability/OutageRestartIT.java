package org.quizdesk.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar is killed, and two attempts' time runs out while it is down. After the restart the heartbeat
 * knows the outage: the student who comes back within the window has their final answers taken (and the attempt
 * marked); the one who does not is submitted by the server once the window is over, not at once.
 */
class OutageRestartIT {

    static final String QUIZ = "cse493g1-au24-quiz2";

    @TempDir
    Path workDir;

    @Test
    void attemptsWhoseTimeRanOutWhileTheServerWasDownTakeFinalAnswersForTheWindow() throws Exception {
        copyQuizzes();
        long returning;
        long absent;
        try (PackagedApp app = PackagedApp.start(workDir, "--quizdesk.heartbeat.interval=1s")) {
            Browser first = app.browser();
            first.signIn("student1", "quizdesk");
            returning = first.startAttempt(QUIZ, "Ada Lovelace");
            assertThat(first.putAnswers(returning, "{\"3.1.4\": \"draft\"}").statusCode()).isEqualTo(200);
            Browser second = app.browser();
            second.signIn("student2", "quizdesk");
            absent = second.startAttempt(QUIZ, "Alan Turing");
            assertThat(second.putAnswers(absent, "{\"1.4\": true}").statusCode()).isEqualTo(200);
            Thread.sleep(1500);
            app.kill();
        }
        AppDatabase database = new AppDatabase(workDir);
        // both deadlines pass (with the 30 s grace) one second after the last heartbeat, while no server runs
        assertThat(database.update("update attempt set deadline = dateadd('SECOND', -29, (select beat_at from server_heartbeat))"
                + " where id in (" + returning + ", " + absent + ")")).isEqualTo(2);
        Thread.sleep(3000);

        try (PackagedApp app = PackagedApp.start(workDir, "--quizdesk.heartbeat.interval=1s",
                "--quizdesk.attempts.expiry-check-interval=1s", "--quizdesk.attempts.outage-window=25s")) {
            assertThat(app.log()).contains("The server was down from");
            Browser absentStudent = app.browser();
            absentStudent.signIn("student2", "quizdesk");
            Thread.sleep(3000);
            assertThat(absentStudent.get("/quizzes").body()).as("not submitted within the window").doesNotContain("badge--submitted");

            Browser back = app.browser();
            back.signIn("student1", "quizdesk");
            back.startQuiz(QUIZ, "Ada Lovelace");
            assertThat(back.putAnswers(returning, "{\"3.1.4\": \"written while the server was down\"}").statusCode()).isEqualTo(200);
            HttpResponse<String> submitted = back.submit(returning, "{\"1.4\": true, \"3.1.4\": \"final\"}");
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);

            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!absentStudent.get("/quizzes").body().contains("badge--submitted")) {
                assertThat(System.nanoTime()).as("submitted once the window is over").isLessThan(until);
                Thread.sleep(500);
            }
            app.kill();
        }
        assertThat(database.one("select submitted_by from attempt where id = " + returning)).isEqualTo("STUDENT");
        assertThat(database.one("select answers from attempt where id = " + returning)).contains("\"3.1.4\":\"final\"");
        assertThat(database.one("select outage_from from attempt where id = " + returning)).isNotNull();
        assertThat(database.one("select outage_to from attempt where id = " + returning)).isNotNull();
        assertThat(database.one("select submitted_by from attempt where id = " + absent)).isEqualTo("DEADLINE");
        assertThat(database.one("select answers from attempt where id = " + absent)).isEqualTo("{\"1.4\":true}");
        assertThat(database.one("select outage_from from attempt where id = " + absent)).isNull();
    }

    private void copyQuizzes() throws Exception {
        Files.createDirectories(workDir.resolve("quizzes"));
        try (var files = Files.list(Path.of("quizzes"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, workDir.resolve("quizzes").resolve(file.getFileName()));
            }
        }
    }
}
