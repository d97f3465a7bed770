package org.quizdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Autosave over real HTTP: prints throughput and latency percentiles. It asserts correctness only; the figures
 * are for reading, not for failing. Subclasses choose the database.
 */
// the students here save back to back, to find the server's ceiling: the per-attempt rate (2 a second) is lifted
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"quizdesk.attempts.autosaves-per-second=100000", "quizdesk.overload.retry-after=1s"})
@ActiveProfiles("test")
abstract class AutosaveBenchmarkIT {

    static final int STUDENTS = 16;
    // small in CI; the figures in docs/benchmarks.md: -Dbench.saves=150 -Dbench.overloadSaves=40
    static final int SAVES_PER_STUDENT = Integer.getInteger("bench.saves", 50);
    /** More than the node's autosave bound (quizdesk.overload.autosaves, 24): the overload part needs them all. */
    static final int OVERLOAD_CLIENTS = 64;
    static final int OVERLOAD_SAVES_EACH = Integer.getInteger("bench.overloadSaves", 10);
    static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern META_TOKEN = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired AttemptRepository attempts;
    @Autowired JdbcClient jdbc;

    @Test
    void autosaveThroughputAndLatency() throws Exception {
        createStudents("bench", STUDENTS);
        List<Student> students = new ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) {
            students.add(new Student("bench" + i).signInAndStart());
        }
        ExecutorService pool = Executors.newFixedThreadPool(STUDENTS);
        long started = System.nanoTime();
        List<Future<long[]>> runs = new ArrayList<>();
        for (Student student : students) {
            runs.add(pool.submit(student::saveRepeatedly));
        }
        long[] latencies = new long[STUDENTS * SAVES_PER_STUDENT];
        int next = 0;
        for (Future<long[]> run : runs) {
            for (long latency : run.get()) {
                latencies[next++] = latency;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);

        System.out.printf("%nAutosave benchmark (HTTP PUT, %s, %d students x %d saves, %d cores):%n"
                        + "  %.0f saves/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                        + "  a class of 10,000 saving every 5 s needs 2,000 saves/s at the worst moment (everyone typing at once)%n%n",
                database(), STUDENTS, SAVES_PER_STUDENT, Runtime.getRuntime().availableProcessors(), latencies.length / seconds,
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), latencies[latencies.length - 1] / 1e6);

        for (Student student : students) {
            assertThat(attempts.findById(student.attemptId).orElseThrow().getAnswers())
                    .contains("\"3.1.4\":\"draft " + SAVES_PER_STUDENT + "\"");
        }
    }

    /**
     * More connections saving back to back than the node's autosave bound: the ones beyond it are answered 503 with
     * Retry-After at once (and wait that long, as the page does), so the saves that are taken stay fast instead of
     * all of them queueing. Every client's last
     * answered save is stored. Run with -DargLine=-Dquizdesk.overload.autosaves=100000 to see it without the bound.
     */
    @Test
    void overloadIsAnsweredAtOnceInsteadOfQueued() throws Exception {
        int clients = OVERLOAD_CLIENTS;
        int savesEach = OVERLOAD_SAVES_EACH;
        createStudents("load", clients);
        List<Student> students = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            students.add(new Student("load" + i).signInAndStart());
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<List<long[]>>> runs = new ArrayList<>();
        for (Student student : students) {
            runs.add(pool.submit(() -> student.hammer(savesEach)));
        }
        List<Long> taken = new ArrayList<>();
        List<Long> turnedAway = new ArrayList<>();
        for (Future<List<long[]>> run : runs) {
            for (long[] outcome : run.get()) {
                (outcome[0] == 200 ? taken : turnedAway).add(outcome[1]);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] takenSorted = taken.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] awaySorted = turnedAway.stream().mapToLong(Long::longValue).sorted().toArray();

        System.out.printf("%nOverload (HTTP PUT, %s, %d connections saving back to back, %d cores):%n"
                        + "  %d saves taken (%.0f/s): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                        + "  %d answered 503 busy with Retry-After%s%n%n",
                database(), clients, Runtime.getRuntime().availableProcessors(), takenSorted.length, takenSorted.length / seconds,
                percentile(takenSorted, 50), percentile(takenSorted, 99), takenSorted[takenSorted.length - 1] / 1e6,
                awaySorted.length, awaySorted.length == 0 ? ""
                        : String.format(": p50 %.1f ms, p99 %.1f ms", percentile(awaySorted, 50), percentile(awaySorted, 99)));
        for (Student student : students) {
            String stored = attempts.findById(student.attemptId).orElseThrow().getAnswers();
            // a client turned away every time has nothing stored
            assertThat(stored).isEqualTo(student.lastTaken == 0 ? "{}" : "{\"3.1.4\":\"draft " + student.lastTaken + "\"}");
        }
    }

    abstract String database();

    /**
     * prefix0 … prefix(n-1), password "pw": the first through the service, the others copies of it in SQL with its
     * password hash (one BCrypt hash instead of n, as the load benchmark's class is made; each still signs in).
     */
    private void createStudents(String prefix, int count) {
        accounts.create(prefix + 0, "Bench Student 0", null, "AA", Role.STUDENT, "pw");
        for (int i = 1; i < count; i++) {
            jdbc.sql("insert into account (username, full_name, section, role, password_hash, enabled, created_at) "
                            + "select ?, ?, section, role, password_hash, true, created_at from account where username = ?")
                    .params(prefix + i, "Bench Student " + i, prefix + 0).update();
        }
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }

    final class Student {
        final String username;
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        long attemptId;
        String csrf;

        Student(String username) {
            this.username = username;
        }

        Student signInAndStart() throws Exception {
            String form = send(HttpRequest.newBuilder(uri("/signin"))).body();
            send(HttpRequest.newBuilder(uri("/signin")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=pw&_csrf=" + token(FORM_TOKEN, form))));
            String start = send(HttpRequest.newBuilder(uri("/quizzes/cse493g1-au24-quiz2"))).body();
            HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/quizzes/cse493g1-au24-quiz2/start"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("agree=true&signature=Bench&_csrf=" + token(FORM_TOKEN, start))));
            String location = started.headers().firstValue("Location").orElseThrow();
            attemptId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            csrf = token(META_TOKEN, send(HttpRequest.newBuilder(uri("/attempts/" + attemptId))).body());
            return this;
        }

        long lastTaken;

        /** Saves back to back, waiting as told after a busy answer (as the page does); each outcome is {status, latency in ns}. */
        List<long[]> hammer(int saves) throws Exception {
            List<long[]> outcomes = new ArrayList<>();
            for (int i = 1; i <= saves; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/attempts/" + attemptId + "/answers"))
                        .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"3.1.4\": \"draft " + i + "\"}")));
                outcomes.add(new long[] {response.statusCode(), System.nanoTime() - t0});
                if (response.statusCode() == 200) {
                    lastTaken = i;
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                    assertThat(response.body()).contains("\"busy\"");
                    Thread.sleep(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()) * 1000);
                }
            }
            return outcomes;
        }

        long[] saveRepeatedly() throws Exception {
            long[] latencies = new long[SAVES_PER_STUDENT];
            for (int i = 1; i <= SAVES_PER_STUDENT; i++) {
                String body = "{\"1.1\": " + (i % 2 == 0) + ", \"2.1\": [\"A\", \"C\"], \"3.1.1\": \"4 x 4 x 5\", \"3.1.4\": \"draft " + i + "\"}";
                long t0 = System.nanoTime();
                HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/attempts/" + attemptId + "/answers"))
                        .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
                        .PUT(HttpRequest.BodyPublishers.ofString(body)));
                latencies[i - 1] = System.nanoTime() - t0;
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            }
            return latencies;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    private static String token(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as("CSRF token in the page").isTrue();
        return matcher.group(1);
    }
}
