package org.quizdesk.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeated kill -9 of the packaged jar in the middle of autosaves and submissions, on one H2 file: after every
 * crash the database opens, no write the server acknowledged is lost, and the attempt whose time ran out while the
 * server was down is submitted after the restart. {@code -Dcrash.trials=20} for a full run by hand; CI runs 1, which
 * still crashes the database twice (once idle after it was made, once during the trial's saves and submissions) and
 * checks every kind of write: more trials repeat the same checks at other moments of the kill.
 */
class CrashTrialsIT {

    static final String QUIZ = "cse493g1-au24-quiz2";
    static final int SAVERS = 4;
    static final int SUBMITTERS = 2;
    static final Pattern DRAFT = Pattern.compile("\"3\\.1\\.4\":\"draft (\\d+)\"");

    @TempDir
    Path workDir;

    @Test
    void noAcknowledgedWriteIsLostOverRepeatedKillNines() throws Exception {
        int trials = Integer.getInteger("crash.trials", 1);
        copyQuizzes();
        AppDatabase database = new AppDatabase(workDir);
        try (PackagedApp first = PackagedApp.start(workDir)) {
            first.kill();
        }
        addStudents(database, trials);

        Random random = new Random(42);
        long savesAcknowledged = 0;
        long submitsAcknowledged = 0;
        long storedUnacknowledged = 0;
        List<Duration> restarts = new ArrayList<>();
        List<Duration> expiredSubmittedAfter = new ArrayList<>();
        Long expiredAttempt = null;
        for (int trial = 1; trial <= trials + 1; trial++) {
            try (PackagedApp app = PackagedApp.start(workDir, "--quizdesk.attempts.expiry-check-interval=1s",
                    "--quizdesk.heartbeat.interval=1s")) {
                restarts.add(app.startedIn);
                if (expiredAttempt != null) {
                    expiredSubmittedAfter.add(awaitSubmitted(app, "crash" + (trial - 1) + "_0", app.startedIn));
                }
                if (trial > trials) {
                    app.kill();
                    break;
                }
                Trial run = new Trial(app, trial, random);
                run.startStudents();
                run.loadThenKill(Duration.ofMillis(700 + random.nextInt(1500)));

                database.open();
                for (Saver saver : run.savers) {
                    String stored = database.one("select answers from attempt where id = " + saver.attemptId);
                    long storedDraft = draft(stored);
                    assertThat(storedDraft).as("trial %d, attempt %d: stored draft vs last acknowledged", trial, saver.attemptId)
                            .isGreaterThanOrEqualTo(saver.lastAcknowledged);
                    storedUnacknowledged += storedDraft - saver.lastAcknowledged;
                    savesAcknowledged += saver.acknowledged;
                }
                for (Submitter submitter : run.submitters) {
                    if (submitter.acknowledged) {
                        submitsAcknowledged++;
                        assertThat(database.one("select submitted_by from attempt where id = " + submitter.attemptId))
                                .as("trial %d: an acknowledged submission", trial).isEqualTo("STUDENT");
                        assertThat(database.one("select answers from attempt where id = " + submitter.attemptId)).contains("final");
                    }
                }
                // the first saver's time runs out while the server is down (long before the outage: no allowance)
                expiredAttempt = run.savers.get(0).attemptId;
                assertThat(database.update("update attempt set deadline = dateadd('MINUTE', -30, current_timestamp) "
                        + "where submitted_at is null and id = " + expiredAttempt)).isEqualTo(1);
            }
        }
        assertThat(database.one("select submitted_by from attempt where id = " + expiredAttempt)).isEqualTo("DEADLINE");
        assertThat(submitsAcknowledged).as("acknowledged submissions checked (one a trial at least)").isGreaterThanOrEqualTo(trials);

        System.out.printf("%nCrash trials (kill -9 of the packaged jar during saves and submissions, H2 file, %d cores):%n"
                        + "  %d trials; %d saves and %d submissions acknowledged, 0 lost; %d saves stored whose answer the crash cut off%n"
                        + "  the database opened after every crash; restart to readiness %s ms (median %d ms, max %d ms)%n"
                        + "  the attempt expired while down was submitted %s ms after readiness%n%n",
                Runtime.getRuntime().availableProcessors(), trials, savesAcknowledged, submitsAcknowledged, storedUnacknowledged,
                restarts.stream().map(Duration::toMillis).toList(), median(restarts), restarts.stream().mapToLong(Duration::toMillis).max().orElse(0),
                expiredSubmittedAfter.stream().map(Duration::toMillis).toList());
    }

    /** One trial's students: each a new account with its own session, saving or submitting until the kill. */
    private static final class Trial {
        final PackagedApp app;
        final int number;
        final Random random;
        final List<Saver> savers = new ArrayList<>();
        final List<Submitter> submitters = new ArrayList<>();

        Trial(PackagedApp app, int number, Random random) {
            this.app = app;
            this.number = number;
            this.random = random;
        }

        void startStudents() throws Exception {
            for (int i = 0; i < SAVERS + SUBMITTERS; i++) {
                Browser browser = app.browser();
                browser.signIn("crash" + number + "_" + i, "quizdesk");
                long attemptId = browser.startAttempt(QUIZ, "Crash Student");
                if (i < SAVERS) {
                    savers.add(new Saver(browser, attemptId));
                } else {
                    submitters.add(new Submitter(browser, attemptId, 1 + random.nextInt(1200)));
                }
            }
        }

        void loadThenKill(Duration after) throws Exception {
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(SAVERS + SUBMITTERS);
            List<Future<?>> running = new ArrayList<>();
            savers.forEach(saver -> running.add(pool.submit(() -> saver.run(stop))));
            submitters.forEach(submitter -> running.add(pool.submit(() -> submitter.run(stop))));
            Thread.sleep(after.toMillis());
            // every trial checks an acknowledged submission (the other submitter may still be cut off by the kill)
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (submitters.stream().noneMatch(submitter -> submitter.acknowledged) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            app.kill();
            stop.set(true);
            for (Future<?> run : running) {
                run.get();
            }
            pool.shutdown();
        }
    }

    private static final class Saver {
        final Browser browser;
        final long attemptId;
        long lastAcknowledged;
        long acknowledged;

        Saver(Browser browser, long attemptId) {
            this.browser = browser;
            this.attemptId = attemptId;
        }

        void run(AtomicBoolean stop) {
            for (long draft = 1; !stop.get(); draft++) {
                try {
                    HttpResponse<String> response = browser.putAnswers(attemptId, "{\"1.1\": true, \"3.1.4\": \"draft " + draft + "\"}");
                    if (response.statusCode() == 200) {
                        lastAcknowledged = draft;
                        acknowledged++;
                    } else if (response.statusCode() != 429 && response.statusCode() != 503) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                    // the page's pace, roughly: at most two saves a second
                    Thread.sleep(450);
                } catch (IOException killed) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static final class Submitter {
        final Browser browser;
        final long attemptId;
        final long submitAfterMillis;
        volatile boolean acknowledged;

        Submitter(Browser browser, long attemptId, long submitAfterMillis) {
            this.browser = browser;
            this.attemptId = attemptId;
            this.submitAfterMillis = submitAfterMillis;
        }

        void run(AtomicBoolean stop) {
            try {
                browser.putAnswers(attemptId, "{\"3.1.4\": \"draft 1\"}");
                Thread.sleep(submitAfterMillis);
                if (!stop.get()) {
                    acknowledged = browser.submit(attemptId, "{\"1.4\": true, \"3.1.4\": \"final\"}").statusCode() == 200;
                }
            } catch (IOException killed) {
                // cut by the crash: not acknowledged
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits until the student's quiz list shows the attempt submitted; how long after readiness that was. */
    private static Duration awaitSubmitted(PackagedApp app, String username, Duration startedIn) throws Exception {
        long readyAt = System.nanoTime();
        Browser browser = app.browser();
        browser.signIn(username, "quizdesk");
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        // the quiz list only reads; opening the review would submit the attempt itself
        while (!browser.get("/quizzes").body().contains("badge--submitted")) {
            assertThat(System.nanoTime()).as("the expired attempt is submitted after the restart").isLessThan(until);
            Thread.sleep(200);
        }
        return Duration.ofNanos(System.nanoTime() - readyAt);
    }

    /** Accounts for every trial, copied from the demo student (same password), while the app is down. */
    private static void addStudents(AppDatabase database, int trials) throws Exception {
        for (int trial = 1; trial <= trials; trial++) {
            for (int i = 0; i < SAVERS + SUBMITTERS; i++) {
                database.update("insert into account (username, full_name, section, role, password_hash, enabled, created_at) "
                        + "select 'crash" + trial + "_" + i + "', 'Crash Student', 'AA', 'STUDENT', password_hash, true, created_at "
                        + "from account where username = 'student1'");
            }
        }
    }

    private static long draft(String answers) {
        Matcher matcher = DRAFT.matcher(answers);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static long median(List<Duration> durations) {
        List<Long> sorted = durations.stream().map(Duration::toMillis).sorted().toList();
        return sorted.get(sorted.size() / 2);
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
