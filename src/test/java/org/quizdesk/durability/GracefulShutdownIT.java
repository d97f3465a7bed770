package org.quizdesk.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the packaged jar while students save as fast as they can: the server takes no new requests, lets the
 * ones in flight finish and answer, then exits. Each student sends a save only after the previous one was answered,
 * so a save that was stored but never answered (cut off mid-flight) shows as a stored draft past the last answered
 * one; there must be none, and every answered save must be stored. This IT starts {@code java -jar
 * target/quizdesk.jar} exactly as the README does (the others start from the ITs' class-data archive): the signal
 * reaches the app through the jar's own launcher.
 */
class GracefulShutdownIT {

    static final String QUIZ = "cse493g1-au24-quiz2";
    static final Pattern DRAFT = Pattern.compile("\"3\\.1\\.4\":\"draft (\\d+)\"");

    @TempDir
    Path workDir;

    @Test
    void aSigtermLetsSavesInFlightFinishAndKeepsEveryAnsweredSave() throws Exception {
        copyQuizzes();
        List<Student> students = new ArrayList<>();
        Duration stoppedIn;
        int exitCode;
        String log;
        try (PackagedApp app = PackagedApp.startPlainJar(workDir, "--quizdesk.attempts.autosaves-per-second=1000")) {
            for (int i = 1; i <= 5; i++) {
                Browser browser = app.browser();
                browser.signIn("student" + i, "quizdesk");
                students.add(new Student(browser, browser.startAttempt(QUIZ, "Student " + i)));
            }
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(students.size());
            List<Future<?>> running = new ArrayList<>();
            students.forEach(student -> running.add(pool.submit(() -> student.saveUntilRefused(stop))));
            Thread.sleep(2000);

            long signalled = System.nanoTime();
            exitCode = app.terminate(Duration.ofSeconds(40));
            stoppedIn = Duration.ofNanos(System.nanoTime() - signalled);
            stop.set(true);
            for (Future<?> run : running) {
                run.get();
            }
            pool.shutdown();
            log = app.log();
            assertThat(log).contains("Commencing graceful shutdown").contains("Graceful shutdown complete");
        }

        AppDatabase database = new AppDatabase(workDir);
        long answered = 0;
        for (Student student : students) {
            long stored = draft(database.one("select answers from attempt where id = " + student.attemptId));
            assertThat(stored).as("attempt %d: stored draft = last answered draft", student.attemptId).isEqualTo(student.lastAnswered);
            assertThat(student.otherAnswers).as("answers other than 200 while stopping; the app's log:%n%s", log).isEmpty();
            answered += student.answered;
        }
        System.out.printf("%nGraceful shutdown (SIGTERM to the packaged jar during saves, %d students saving back to back):%n"
                        + "  %d saves answered and stored, 0 cut off; exited with %d, %d ms after the signal%n%n",
                students.size(), answered, exitCode, stoppedIn.toMillis());
    }

    private static final class Student {
        final Browser browser;
        final long attemptId;
        /** Status and the start of the body: whether it was the app's JSON or the server's own page tells who answered. */
        final List<String> otherAnswers = new ArrayList<>();
        long lastAnswered;
        long answered;

        Student(Browser browser, long attemptId) {
            this.browser = browser;
            this.attemptId = attemptId;
        }

        /** Saves back to back until the server stops answering (connection refused or closed). */
        void saveUntilRefused(AtomicBoolean stop) {
            for (long draft = 1; !stop.get(); draft++) {
                try {
                    HttpResponse<String> response = browser.putAnswers(attemptId, "{\"3.1.4\": \"draft " + draft + "\"}");
                    if (response.statusCode() == 200) {
                        lastAnswered = draft;
                        answered++;
                    } else {
                        String body = response.body() == null ? "" : response.body();
                        otherAnswers.add(response.statusCode() + " " + body.substring(0, Math.min(300, body.length())));
                    }
                } catch (IOException stopped) {
                    return;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static long draft(String answers) {
        Matcher matcher = DRAFT.matcher(answers);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
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
