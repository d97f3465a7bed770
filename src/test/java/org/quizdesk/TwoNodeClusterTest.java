package org.quizdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.SubmittedBy;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.testsupport.EmbeddedPostgresServer;
import org.quizdesk.testsupport.MutableClock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two app nodes on one PostgreSQL, as behind a load balancer without sticky sessions: a student signs in and
 * starts on node 1, autosaves on node 2 with the same session cookie, the time runs out, and both nodes run the
 * deadline job at once. The attempt must be submitted exactly once, with every answer.
 */
class TwoNodeClusterTest {

    private static final String QUIZ = "cse493g1-au24-quiz2";
    private static final String ANSWERS = """
            {"1.1": true, "1.2": false, "1.3": true, "1.4": false, "2.1": ["A", "C"], "2.2": ["B"],
             "3.1.1": "4 x 4 x 5", "3.1.2": "4 x 7", "3.1.3": "3", "3.1.4": "Network 2 uses one conv with stride 4"}""";
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER_META = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");

    /** Both nodes read this one clock, as two servers synced to the same time would. */
    static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

    static ConfigurableApplicationContext node1;
    static ConfigurableApplicationContext node2;
    /** Node 1's own quiz folder (node 2 reads the project's), as two servers each deployed with their copy. */
    static Path node1Quizzes;

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeAll
    static void startTwoNodes() throws IOException {
        String database = EmbeddedPostgresServer.createDatabase();
        node1Quizzes = Files.createTempDirectory("quizdesk-node1-quizzes");
        try (Stream<Path> files = Files.list(Path.of("quizzes"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, node1Quizzes.resolve(file.getFileName()));
            }
        }
        // one after the other: the first start migrates the empty database
        node1 = startNode(database, node1Quizzes);
        node2 = startNode(database, Path.of("quizzes"));
    }

    @AfterAll
    static void stopNodes() {
        if (node2 != null) {
            node2.close();
        }
        if (node1 != null) {
            node1.close();
        }
    }

    private static ConfigurableApplicationContext startNode(String database, Path quizzes) {
        return new SpringApplicationBuilder(QuizdeskApplication.class, SharedClock.class)
                .profiles("postgres")
                // command-line arguments: above application-postgres.yml, as POSTGRES_URL would be in production
                .run("--server.port=0",
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + EmbeddedPostgresServer.username(),
                        "--spring.datasource.password=" + EmbeddedPostgresServer.password(),
                        "--spring.datasource.hikari.maximum-pool-size=5",
                        "--quizdesk.accounts.instructor-password=two-node-instructor-password",
                        "--quizdesk.quizzes.publish-new=true",
                        "--quizdesk.quizzes.dir=" + quizzes,
                        // the folder is synced by an instructor's Sync now in the test
                        "--quizdesk.quizzes.watch=false",
                        // the test runs the deadline job itself
                        "--quizdesk.attempts.expiry-check-interval=1h");
    }

    @Test
    void aStudentMovesBetweenNodesAndTheDeadlineSubmitsOnceWithEveryAnswer() throws Exception {
        node1.getBean(AccountService.class).create("roaming", "Rosalind Franklin", null, "AA", Role.STUDENT, "roaming-password");

        // sign in and start on node 1
        String signInPage = get(node1, "/signin").body();
        HttpResponse<String> signedIn = postForm(node1, "/signin",
                Map.of("username", "roaming", "password", "roaming-password", "_csrf", csrf(signInPage)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String honorCode = get(node1, "/quizzes/" + QUIZ).body();
        HttpResponse<String> started = postForm(node1, "/quizzes/" + QUIZ + "/start",
                Map.of("signature", "Rosalind Franklin", "agree", "true", "_csrf", csrf(honorCode)));
        assertThat(started.statusCode()).isEqualTo(302);
        String attemptPath = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(attemptPath).matches("/attempts/\\d+");
        long attemptId = Long.parseLong(attemptPath.substring("/attempts/".length()));

        // the same session cookie on node 2: the quiz page, then an autosave with the page's CSRF token
        HttpResponse<String> quizPage = get(node2, attemptPath);
        assertThat(quizPage.statusCode()).as("node 2 knows the session of node 1").isEqualTo(200);
        Matcher header = CSRF_HEADER_META.matcher(quizPage.body());
        assertThat(header.find()).isTrue();
        HttpResponse<String> saved = browser.send(HttpRequest.newBuilder(uri(node2, "/api/attempts/" + attemptId + "/answers"))
                .header("Content-Type", "application/json")
                .header(header.group(1), csrf(quizPage.body()))
                .PUT(HttpRequest.BodyPublishers.ofString(ANSWERS))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("\"saved\":true");
        assertThat(jdbc().queryForObject("select count(*) from spring_session where principal_name = 'roaming'", Integer.class))
                .as("the session lives in the database").isEqualTo(1);

        // time runs out (30 minutes and the 30 s grace), and every node's deadline job goes at once
        CLOCK.advance(Duration.ofMinutes(31));
        runConcurrently(
                () -> node1.getBean(AttemptService.class).runExpiryJob(),
                () -> node2.getBean(AttemptService.class).runExpiryJob(),
                () -> node1.getBean(AttemptService.class).submitExpiredAttempts(),
                () -> node2.getBean(AttemptService.class).submitExpiredAttempts());

        Attempt attempt = node2.getBean(AttemptService.class).find(attemptId, accountId("roaming")).orElseThrow();
        assertThat(attempt.getSubmittedBy()).isEqualTo(SubmittedBy.DEADLINE);
        assertThat(attempt.getSaveCount()).isEqualTo(1);
        assertThat(node1.getBean(AttemptService.class).answers(attempt).answers())
                .containsOnlyKeys("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1.1", "3.1.2", "3.1.3", "3.1.4")
                .allSatisfy((question, answer) -> assertThat(answer).as(question).isNotNull());
        assertThat(jdbc().queryForObject("select count(*) from question_score where attempt_id = ?", Integer.class, attemptId))
                .isEqualTo(10);
        assertThat(deadlineSubmissions(node1) + deadlineSubmissions(node2)).as("claims won, over both nodes").isEqualTo(1.0);

        HttpResponse<String> status = get(node1, "/api/attempts/" + attemptId + "/status");
        assertThat(status.body()).contains("\"submitted\":true");
    }

    @Test
    void aQuizFolderSyncedOnOneNodeReachesTheOther() throws Exception {
        Files.writeString(node1Quizzes.resolve("synced-on-node-1.yaml"), """
                id: synced-on-node-1
                title: "Synced on node 1"
                course: "Quizdesk tests"
                time_limit: 5m
                sections:
                  - title: Only
                    questions:
                      - id: "1.1"
                        type: true_false
                        points: 1
                        prompt: One node reads the folder; the others read the database.
                        answer: true
                """);
        Files.writeString(node1Quizzes.resolve("broken-on-node-1.yaml"), "id: broken-on-node-1\ntitle: Broken\ntime_limit: soon\n");

        String signInPage = get(node1, "/signin").body();
        HttpResponse<String> signedIn = postForm(node1, "/signin",
                Map.of("username", "instructor", "password", "two-node-instructor-password", "_csrf", csrf(signInPage)));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        HttpResponse<String> synced = postForm(node1, "/admin/quizzes/sync", Map.of("_csrf", csrf(get(node1, "/admin").body())));
        assertThat(synced.statusCode()).isEqualTo(302);

        String node2Home = get(node2, "/admin").body();
        assertThat(node2Home).as("node 2 lists the quiz node 1 synced, and the file that did not load")
                .contains("Synced on node 1").contains("broken-on-node-1.yaml:3: ");
        assertThat(node2.getBean(QuizCatalog.class).current("synced-on-node-1")).isPresent();
    }

    @Test
    void eachNodeAnswersTheLoadBalancersProbesAndExportsPrometheusMetrics() throws Exception {
        for (ConfigurableApplicationContext node : List.of(node1, node2)) {
            HttpResponse<String> readiness = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(uri(node, "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"UP\"");
            assertThat(node.getBean(PrometheusMeterRegistry.class).scrape())
                    .contains("quizdesk_attempts_saves_total", "quizdesk_attempts_submissions_total", "quizdesk_attempts_grading_seconds");
        }
    }

    private long accountId(String username) {
        return node1.getBean(AccountService.class).findByUsername(username).orElseThrow().id();
    }

    private static double deadlineSubmissions(ConfigurableApplicationContext node) {
        return node.getBean(MeterRegistry.class).counter("quizdesk.attempts.submissions", "by", "deadline").count();
    }

    private static JdbcTemplate jdbc() {
        return node1.getBean(JdbcTemplate.class);
    }

    private static void runConcurrently(Runnable... jobs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(jobs.length);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Runnable job : jobs) {
                running.add(pool.submit(() -> {
                    go.await();
                    job.run();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> job : running) {
                job.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(node, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(ConfigurableApplicationContext node, String path, Map<String, String> fields)
            throws Exception {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(uri(node, path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext node, String path) {
        return URI.create("http://localhost:" + node.getEnvironment().getProperty("local.server.port") + path);
    }

    private static String csrf(String page) {
        Matcher token = CSRF_META.matcher(page);
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        return token.group(1);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SharedClock {

        @Bean
        @Primary
        Clock sharedClock() {
            return CLOCK;
        }
    }
}
