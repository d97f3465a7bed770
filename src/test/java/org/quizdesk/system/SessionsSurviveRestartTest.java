package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quizdesk.QuizdeskApplication;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default keeps sessions in its database file: a student signed in before a restart goes on
 * autosaving after it with the same cookie and CSRF token, and a save does not write the session row again; once
 * signed out, that cookie saves nothing.
 */
class SessionsSurviveRestartTest {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void aStudentSignedInBeforeARestartSavesAfterItWithoutSigningInAgain() throws Exception {
        Path folder = Files.createTempDirectory("quizdesk-sessions");
        String database = "jdbc:h2:file:" + folder.resolve("quizdesk") + ";WRITE_DELAY=0";
        long attemptId;
        String csrf;
        try (ConfigurableApplicationContext before = start(database)) {
            before.getBean(AccountService.class).create("restarted", "Rita Restart", null, "AA", Role.STUDENT, "pw-restarted");
            String signInPage = send(before, HttpRequest.newBuilder(uri(before, "/signin"))).body();
            HttpResponse<String> signedIn = postForm(before, "/signin",
                    "username=restarted&password=pw-restarted&_csrf=" + token(FORM_TOKEN, signInPage));
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            String honorCode = send(before, HttpRequest.newBuilder(uri(before, "/quizzes/cse493g1-au24-quiz2"))).body();
            HttpResponse<String> started = postForm(before, "/quizzes/cse493g1-au24-quiz2/start",
                    "agree=true&signature=Rita+Restart&_csrf=" + token(FORM_TOKEN, honorCode));
            String location = started.headers().firstValue("Location").orElseThrow();
            attemptId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            csrf = token(META_TOKEN, send(before, HttpRequest.newBuilder(uri(before, "/attempts/" + attemptId))).body());

            long touched = lastAccess(before);
            assertThat(save(before, attemptId, csrf, "{\"3.1.1\": \"before\"}").statusCode()).isEqualTo(200);
            assertThat(save(before, attemptId, csrf, "{\"3.1.1\": \"before again\"}").statusCode()).isEqualTo(200);
            assertThat(lastAccess(before)).as("saves within a minute leave the session row alone").isEqualTo(touched);
        }

        try (ConfigurableApplicationContext after = start(database)) {
            HttpResponse<String> saved = save(after, attemptId, csrf, "{\"3.1.1\": \"after the restart\"}");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(storedAnswers(after, attemptId)).contains("after the restart");
            assertThat(save(after, attemptId, csrf, "{\"3.1.1\": \"read from the node's session values\"}").statusCode())
                    .isEqualTo(200);
            assertThat(livePoll(after, attemptId).statusCode())
                    .isEqualTo(200);

            // the node keeps the session's security context in memory (SessionAttributeReads); signing out ends it
            assertThat(postForm(after, "/signout", "_csrf=" + csrf).headers().firstValue("Location").orElseThrow())
                    .contains("signedout");
            assertThat(save(after, attemptId, csrf, "{\"3.1.1\": \"after signing out\"}").statusCode())
                    .as("the signed-out session's cookie saves nothing (its CSRF token went with it)").isEqualTo(403);
            assertThat(livePoll(after, attemptId).statusCode())
                    .as("nor is it signed in for a request without a token").isEqualTo(401);
            assertThat(storedAnswers(after, attemptId)).doesNotContain("after signing out");
        }
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(QuizdeskApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + database,
                        "--quizdesk.accounts.instructor-password=sessions-test", "--quizdesk.quizzes.publish-new=true",
                        "--quizdesk.attempts.expiry-check-interval=1h");
    }

    private static long lastAccess(ConfigurableApplicationContext node) {
        return node.getBean(JdbcTemplate.class).queryForObject(
                "select last_access_time from spring_session where principal_name = 'restarted'", Long.class);
    }

    private static String storedAnswers(ConfigurableApplicationContext node, long attemptId) {
        return node.getBean(JdbcTemplate.class).queryForObject("select answers from attempt where id = ?", String.class, attemptId);
    }

    private HttpResponse<String> livePoll(ConfigurableApplicationContext node, long attemptId) throws Exception {
        return send(node, HttpRequest.newBuilder(uri(node, "/api/attempts/" + attemptId + "/live")));
    }

    private HttpResponse<String> save(ConfigurableApplicationContext node, long attemptId, String csrf, String answers)
            throws Exception {
        return send(node, HttpRequest.newBuilder(uri(node, "/api/attempts/" + attemptId + "/answers"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
                .PUT(HttpRequest.BodyPublishers.ofString(answers)));
    }

    private HttpResponse<String> postForm(ConfigurableApplicationContext node, String path, String form) throws Exception {
        return send(node, HttpRequest.newBuilder(uri(node, path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(ConfigurableApplicationContext node, HttpRequest.Builder request) throws Exception {
        return browser.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext node, String path) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String token(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as("CSRF token in the page").isTrue();
        return matcher.group(1);
    }
}
