package org.quizdesk.durability;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One student's browser against a running app: its own cookies (session) and CSRF token. */
final class Browser {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private String csrf;

    Browser(int port) {
        this.port = port;
    }

    void signIn(String username, String password) throws Exception {
        String form = get("/signin").body();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password
                        + "&_csrf=" + token(FORM_TOKEN, form))));
        if (!response.headers().firstValue("Location").orElse("").endsWith("/")) {
            throw new IllegalStateException("sign-in failed: " + response.headers().map());
        }
    }

    /** Signs the honor code (unless the attempt is already started) and returns the attempt's page path. */
    String startQuiz(String quizId, String signature) throws Exception {
        HttpResponse<String> honorCode = get("/quizzes/" + quizId);
        HttpResponse<String> started = honorCode.statusCode() == 302 ? honorCode
                : send(HttpRequest.newBuilder(uri("/quizzes/" + quizId + "/start"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("agree=true&signature=" + signature.replace(' ', '+')
                                + "&_csrf=" + token(FORM_TOKEN, honorCode.body()))));
        String location = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
        HttpResponse<String> page = get(location);
        if (page.statusCode() == 200) {
            csrf = token(META_TOKEN, page.body());
        }
        return location;
    }

    /** Starts the quiz and returns the attempt's id. */
    long startAttempt(String quizId, String signature) throws Exception {
        String page = startQuiz(quizId, signature);
        return Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
    }

    HttpResponse<String> putAnswers(long attemptId, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/attempts/" + attemptId + "/answers"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> submit(long attemptId, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/attempts/" + attemptId + "/submit"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String token(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return matcher.group(1);
    }
}
