package org.quizdesk.durability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run as a separate process in a folder of its own, with a browser-like HTTP client
 * ({@link #browser()} gives more, one per student).
 */
final class PackagedApp implements AutoCloseable {

    final Path workDir;
    final int port;
    /** How long the start took, until readiness. */
    final Duration startedIn;
    private final Process process;
    private final Browser browser;

    private PackagedApp(Path workDir, int port, Process process, Duration startedIn) {
        this.workDir = workDir;
        this.port = port;
        this.process = process;
        this.startedIn = startedIn;
        this.browser = new Browser(port);
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
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("app-" + port + ".log").toFile()))
                .start();
        awaitReady(workDir, port, process);
        return new PackagedApp(workDir, port, process, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void awaitReady(Path workDir, int port, Process process) throws Exception {
        Browser probe = new Browser(port);
        // generous: on a shared two-core machine under load a start has taken 80 s
        long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited: " + Files.readString(workDir.resolve("app-" + port + ".log")));
            }
            try {
                // ready only once start-up work (quiz sync, first accounts) is done, unlike the sign-in page
                if (probe.get("/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the app did not start in 180 s");
    }

    /** A new browser: its own session. */
    Browser browser() {
        return new Browser(port);
    }

    void signIn(String username, String password) throws Exception {
        browser.signIn(username, password);
    }

    String startQuiz(String quizId, String signature) throws Exception {
        return browser.startQuiz(quizId, signature);
    }

    HttpResponse<String> putAnswers(long attemptId, String json) throws Exception {
        return browser.putAnswers(attemptId, json);
    }

    HttpResponse<String> submit(long attemptId, String json) throws Exception {
        return browser.submit(attemptId, json);
    }

    HttpResponse<String> get(String path) throws Exception {
        return browser.get(path);
    }

    /** kill -9: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as an orchestrator stops a node; waits for the exit and returns its code. */
    int terminate(Duration patience) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new IllegalStateException("the app did not exit within " + patience + " of SIGTERM");
        }
        return process.exitValue();
    }

    String log() throws IOException {
        return Files.readString(workDir.resolve("app-" + port + ".log"));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
