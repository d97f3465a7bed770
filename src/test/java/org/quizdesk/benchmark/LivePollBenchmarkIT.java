package org.quizdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.context.ActiveProfiles;

/**
 * The cost of the quiz page's live poll (GET /api/attempts/{id}/live with If-None-Match) with 1,000 students in
 * progress (200 in CI), over real HTTP with real sessions in the database: how many 304s a second this machine answers, and their
 * latency. Each student polls every 6 s, so 1,000 students need about 170 a second. Figures, not pass/fail.
 * The sessions are made directly in Spring Session's store (1,000 password checks would only measure BCrypt).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LivePollBenchmarkIT {

    // small in CI; the figures in docs/benchmarks.md: -Dbench.students=1000 -Dbench.seconds=10
    static final int STUDENTS = Integer.getInteger("bench.students", 200);
    static final int CLIENTS = 16;
    static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.seconds", 3));

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired AttemptService attempts;
    @Autowired UserDetailsService users;
    @Autowired JdbcIndexedSessionRepository sessions;

    record Student(long attemptId, String cookie) {
    }

    @Test
    void notModifiedPollsPerSecondWithAThousandStudents() throws Exception {
        List<Student> students = new ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) {
            String username = "poll" + i;
            long accountId = accounts.create(username, "Poll Student " + i, null, "AA", Role.STUDENT, null).id();
            long attemptId = attempts.start("cse493g1-au24-quiz2", accountId, "Poll Student").getId();
            students.add(new Student(attemptId, sessionCookie(users.loadUserByUsername(username))));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String etag = http.send(poll(students.get(0), "/live", null), HttpResponse.BodyHandlers.ofString()).headers()
                .firstValue("ETag").orElseThrow();

        // warm-up, then the measured runs: each client polls its share of the students round and round; for scale,
        // the same with the status endpoint (one read of the attempt a request)
        runFor(http, students, "/live", etag, 304, Duration.ofSeconds(2));
        long other = report("GET /live with If-None-Match, answered 304", runFor(http, students, "/live", etag, 304, RUN));
        report("GET /status for comparison (reads the attempt), answered 200", runFor(http, students, "/status", null, 200, RUN));
        System.out.printf("  %d students polling every 6 s need %.0f/s; load average now %.1f on %d cores%n%n", STUDENTS,
                STUDENTS / 6.0, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        assertThat(other).isZero();
    }

    /** Prints a run's rate and latency; the count of answers other than the expected one. */
    private static long report(String what, long[][] perClient) {
        long[] latencies = Arrays.stream(perClient).flatMapToLong(Arrays::stream).filter(l -> l >= 0).sorted().toArray();
        long other = Arrays.stream(perClient).flatMapToLong(Arrays::stream).filter(l -> l < 0).count();
        System.out.printf("%nLive poll benchmark, %s (H2, %d students, %d clients, %d s):%n"
                        + "  %.0f/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; %d other answers%n",
                what, STUDENTS, CLIENTS, RUN.toSeconds(), latencies.length / (double) RUN.toSeconds(),
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), other);
        return other;
    }

    private long[][] runFor(HttpClient http, List<Student> students, String path, String etag, int expected, Duration run)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long until = System.nanoTime() + run.toNanos();
        List<Future<long[]>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                for (int i = client; System.nanoTime() < until; i = (i + CLIENTS) % students.size()) {
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = http.send(poll(students.get(i), path, etag), HttpResponse.BodyHandlers.discarding());
                    latencies.add(response.statusCode() == expected ? System.nanoTime() - t0 : -1);
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        long[][] results = new long[CLIENTS][];
        for (int c = 0; c < CLIENTS; c++) {
            results[c] = clients.get(c).get();
        }
        pool.shutdown();
        return results;
    }

    private HttpRequest poll(Student student, String path, String etag) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/attempts/"
                + student.attemptId() + path)).header("Cookie", student.cookie()).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return request.GET().build();
    }

    /** A signed-in session as the sign-in form leaves it, in the session store; its cookie (Base64 of the id). */
    @SuppressWarnings({"unchecked", "rawtypes"}) // its session class is not public; the interface's methods are
    private String sessionCookie(UserDetails user) {
        SessionRepository<Session> store = (SessionRepository) sessions;
        Session session = store.createSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
        store.save(session);
        return "SESSION=" + Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8));
    }

    private static double percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
