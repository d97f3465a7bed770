package org.quizdesk.durability;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged jar run as a separate process in a folder of its own, with a browser-like HTTP client. */
final class PackagedApp implements AutoCloseable {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    final Path workDir;
    final int port;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private String csrf;

    private PackagedApp(Path workDir, int port, Process process) {
        this.workDir = workDir;
        this.port = port;
        this.process = process;
    }

    /** Starts target/quizdesk.jar in workDir (which holds quizzes/ and, after the first start, data/). */
    static PackagedApp start(Path workDir, String... arguments) throws Exception {
        Path jar = Path.of("target/quizdesk.jar").toAbsolutePath();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
                "--quizdesk.accounts.instructor-password=durability-test",
                // as the README runs it: the demo accounts (student1) and the seed quiz published, demo profile only
                "--spring.profiles.active=demo"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("app-" + port + ".log").toFile())
                .start();
        PackagedApp app = new PackagedApp(workDir, port, process);
        app.awaitUp();
        return app;
    }

    private void awaitUp() throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited: " + Files.readString(workDir.resolve("app-" + port + ".log")));
            }
            try {
                // ready only once start-up work (quiz sync, first accounts) is done, unlike the sign-in page
                if (get("/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the app did not start in 90 s");
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
        csrf = token(META_TOKEN, get(location).body());
        return location;
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

    /** kill -9: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
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
