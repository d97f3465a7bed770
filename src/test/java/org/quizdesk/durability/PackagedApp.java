package org.quizdesk.durability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run as a separate process in a folder of its own, with a browser-like HTTP client
 * ({@link #browser()} gives more, one per student). Public for the load benchmark ({@code org.quizdesk.load}),
 * which starts it with its own JVM options through {@link #startWith}.
 */
public final class PackagedApp implements AutoCloseable {

    final Path workDir;
    public final int port;
    /** How long the start took, until readiness. */
    public final Duration startedIn;
    private final Process process;
    private final Browser browser;

    private PackagedApp(Path workDir, int port, Process process, Duration startedIn) {
        this.workDir = workDir;
        this.port = port;
        this.process = process;
        this.startedIn = startedIn;
        this.browser = new Browser(port);
    }

    /**
     * Starts target/quizdesk.jar in workDir (which holds quizzes/ and, after the first start, data/), from the
     * class-data archive of the ITs ({@link ClassDataArchive}).
     */
    static PackagedApp start(Path workDir, String... arguments) throws Exception {
        return launch(workDir, ClassDataArchive.javaCommand(DURABILITY_JVM), testArguments(arguments), Map.of());
    }

    /**
     * The durability ITs' JVM: -XX:TieredStopAtLevel=1 (the quick compiler only) takes about half the CPU of a start
     * (docs/benchmarks.md, start-up); these ITs check what is stored, not how fast, so the optimising compiler's
     * later speed buys them nothing. The load benchmark ({@link #startWith}) keeps the JVM as users run it.
     */
    static final List<String> DURABILITY_JVM = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

    /** As {@link #start}, but {@code java -jar target/quizdesk.jar} exactly as the README runs it: no archive. */
    static PackagedApp startPlainJar(Path workDir, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(ClassDataArchive.JAVA, "-Xmx512m"));
        command.addAll(ClassDataArchive.plainJar());
        return launch(workDir, command, testArguments(arguments), Map.of());
    }

    private static List<String> testArguments(String... arguments) {
        List<String> appArguments = new ArrayList<>(List.of("--quizdesk.accounts.instructor-password=durability-test",
                // as the README runs it: the demo accounts (student1) and the seed quiz published, demo profile only
                "--spring.profiles.active=demo"));
        appArguments.addAll(List.of(arguments));
        return appArguments;
    }

    /** The java that runs the app: the PATH's, or {@code -Dit.java}'s. */
    public static String java() {
        return ClassDataArchive.JAVA;
    }

    /**
     * Starts target/quizdesk.jar in workDir (from the ITs' class-data archive) with these JVM options, application
     * arguments and extra environment variables (nothing else is added but the port); returns once it is ready.
     */
    public static PackagedApp startWith(Path workDir, List<String> javaOptions, List<String> appArguments,
            Map<String, String> environment) throws Exception {
        return launch(workDir, ClassDataArchive.javaCommand(javaOptions), appArguments, environment);
    }

    /** Runs java and its options, -jar and a jar (javaCommand), the port and appArguments; returns once ready. */
    private static PackagedApp launch(Path workDir, List<String> javaCommand, List<String> appArguments,
            Map<String, String> environment) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(javaCommand);
        command.add("--server.port=" + port);
        command.addAll(appArguments);
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("app-" + port + ".log").toFile()))
                .start();
        try {
            awaitReady(workDir, port, process);
        } catch (Exception notReady) {
            // nobody else holds the process: a start that failed must not leave it running
            process.destroyForcibly();
            throw notReady;
        }
        return new PackagedApp(workDir, port, process, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void awaitReady(Path workDir, int port, Process process) throws Exception {
        Browser probe = new Browser(port);
        // generous: on a shared two-core machine under load a start has taken 220 s
        long until = System.nanoTime() + Duration.ofSeconds(300).toNanos();
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
        throw new IllegalStateException("the app did not start in 300 s");
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

    /** The process id of the app's JVM (for reading its CPU time from /proc). */
    public long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as an orchestrator stops a node; waits for the exit and returns its code. */
    public int terminate(Duration patience) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new IllegalStateException("the app did not exit within " + patience + " of SIGTERM");
        }
        return process.exitValue();
    }

    public String log() throws IOException {
        return Files.readString(workDir.resolve("app-" + port + ".log"));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
