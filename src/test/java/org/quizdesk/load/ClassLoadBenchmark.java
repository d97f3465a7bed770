package org.quizdesk.load;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import org.quizdesk.durability.PackagedApp;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizFileReader;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The class load benchmark: starts the packaged jar on a fresh database holding the class, plays the class against
 * it with Gatling ({@link ClassSimulation}), checks what the database holds against what the server acknowledged
 * ({@link StoredClassCheck}), and prints the figures. See the README, "Load benchmark".
 */
final class ClassLoadBenchmark {

    private static final Path SEED_QUIZ = Path.of("quizzes/" + LoadSettings.QUIZ_ID + ".yaml");
    private static final Path GATLING_RESULTS = Path.of("target/gatling").toAbsolutePath();
    /** The request types in the order a student meets them, then the control room's in the order a proctor's browser sends them. */
    private static final List<String> REQUESTS = List.of("sign-in page", "sign-in", "home", "quiz list", "honor code page", "start", "quiz page",
            "status", "autosave", "submit", "status after the deadline", "control room page", "control room file",
            ClassSimulation.BOARD_CHANGED, ClassSimulation.BOARD_UNCHANGED);

    private ClassLoadBenchmark() {
    }

    /** What went wrong, if anything: errors, lost writes and score mismatches. Empty when the run passed. */
    record Outcome(List<String> failures, String summary) {
    }

    static Outcome run(LoadSettings settings) throws Exception {
        Path out = settings.outputDir();
        Path workDir = out.resolve("app");
        FileSystemUtils.deleteRecursively(workDir);
        Files.createDirectories(workDir.resolve("quizzes"));
        Path quizFile = workDir.resolve("quizzes").resolve(SEED_QUIZ.getFileName());
        Files.writeString(quizFile, Files.readString(SEED_QUIZ)
                .replaceFirst("(?m)^time_limit: .*$", "time_limit: " + settings.quizMinutes() + "m"));
        Quiz quiz = QuizFileReader.read(quizFile);
        Path gcLog = out.resolve("gc.log");
        Files.deleteIfExists(gcLog);
        quietGatlingLogs();

        try (ClassDatabase database = ClassDatabase.of(settings.database(), workDir)) {
            long creating = System.nanoTime();
            database.migrate();
            database.createStudents(settings.students());
            database.createStaff(settings.staffBrowsers());
            Duration accountsCreated = Duration.ofNanos(System.nanoTime() - creating);

            List<String> arguments = new ArrayList<>(List.of("--quizdesk.quizzes.publish-new=true",
                    "--quizdesk.accounts.instructor-username=" + ClassDatabase.INSTRUCTOR,
                    "--quizdesk.accounts.instructor-password=" + ClassDatabase.INSTRUCTOR_PASSWORD));
            arguments.addAll(database.appArguments());
            arguments.addAll(settings.appArguments());
            RunLedger ledger = new RunLedger();
            int gatlingStatus;
            ServerSampler.Cpu serverCpu;
            ServerSampler.Cpu generatorCpu;
            long residentPeak;
            long databasePeak;
            Duration startedIn;
            List<String> jvmOptions = new ArrayList<>(List.of("-Xmx" + settings.heap(), ServerSampler.gcLogOption(gcLog)));
            jvmOptions.addAll(settings.jvmOptions());
            try (PackagedApp app = PackagedApp.startWith(workDir, jvmOptions, arguments, database.appEnvironment())) {
                startedIn = app.startedIn;
                System.out.printf("%nClass load benchmark: %d students created in %d ms; the app was ready in %d ms; "
                                + "the class signs in over %d s, the quiz takes %d min%n", settings.students(),
                        accountsCreated.toMillis(), startedIn.toMillis(), settings.signInWindow().toSeconds(), settings.quizMinutes());
                // H2's file lives in the app's folder (spring.datasource.url, ./data/); PostgreSQL's elsewhere
                Path databaseFolder = settings.database().equals("h2") ? workDir.resolve("data") : null;
                try (ServerSampler sampler = new ServerSampler(app.pid(), databaseFolder)) {
                    ClassRun.begin(new ClassRun(settings, app.port, ledger, new AnswerSheets(quiz)));
                    try {
                        gatlingStatus = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                                "--simulation", ClassSimulation.class.getName(),
                                "--results-folder", GATLING_RESULTS.toString(),
                                "--run-description", settings.students() + " students, " + settings.quizMinutes()
                                        + "-minute quiz, " + settings.database() + ", -Xmx" + settings.heap()});
                    } finally {
                        ClassRun.end();
                    }
                    serverCpu = sampler.cpu(0);
                    generatorCpu = sampler.cpu(1);
                    residentPeak = sampler.peakResidentMegabytes();
                    databasePeak = sampler.databasePeakMegabytes();
                }
                // as an orchestrator stops a node: saves and submissions in flight finish first
                app.terminate(Duration.ofSeconds(60));
                Files.writeString(out.resolve("app.log"), app.log());
            }

            StoredClassCheck.Result stored = new StoredClassCheck(quiz, ledger).check(database);
            GatlingStats stats = GatlingStats.read(GATLING_RESULTS);
            ServerSampler.GcFigures gc = ServerSampler.gcPauses(gcLog, startedIn.toMillis() / 1000.0);
            String name = "latency-" + settings.students() + "-" + settings.database() + ".png";
            SortedMap<String, SortedMap<Integer, int[]>> latencies = ledger.latenciesBySecond();
            LatencyChart.write(latencies, String.format("Quizdesk, %d students, %d-minute quiz, %s, -Xmx%s, %d cores",
                    settings.students(), settings.quizMinutes(), database.kind(), settings.heap(),
                    Runtime.getRuntime().availableProcessors()), out.resolve(name));

            GatlingStats.RequestStats staticFile = stats.request("static file");
            long staticErrors = staticFile == null ? 0 : staticFile.ko();
            List<String> failures = new ArrayList<>();
            if (gatlingStatus != 0) {
                failures.add("Gatling exited with " + gatlingStatus);
            }
            if (ledger.errors.get() + staticErrors > 0) {
                failures.add((ledger.errors.get() + staticErrors) + " errors: " + ledger.firstErrors());
            }
            if (stored.lostWrites() > 0 || stored.scoreMismatches() > 0) {
                failures.add(stored.lostWrites() + " lost writes, " + stored.scoreMismatches() + " score mismatches: " + stored.problems());
            }
            if (stored.attempts() < settings.students()) {
                failures.add("only " + stored.attempts() + " of " + settings.students() + " students started the quiz");
            }
            int boardPolls = answered(latencies, ClassSimulation.BOARD_CHANGED) + answered(latencies, ClassSimulation.BOARD_UNCHANGED);
            // each browser polls every 5 s until the class is over; fewer polls than for half the quiz's time would
            // mean the scenario stopped early (half: a slow sign-in on a crowded machine opens the room late)
            long expectedPolls = settings.staffBrowsers() * settings.quizTime().toSeconds() / LoadSettings.BOARD_POLL_INTERVAL.toSeconds() / 2;
            if (boardPolls < expectedPolls) {
                failures.add(settings.staffBrowsers() + " staff browser(s) polled the control room's board " + boardPolls
                        + " times, fewer than the " + expectedPolls + " of half the quiz's time");
            }

            StringBuilder summary = new StringBuilder();
            summary.append(String.format(Locale.ROOT, "Class load benchmark: %d students, %d-minute quiz, %s, -Xmx%s, %d cores%n",
                    settings.students(), settings.quizMinutes(), database.kind(), settings.heap(), Runtime.getRuntime().availableProcessors()));
            summary.append(String.format(Locale.ROOT, "  %d accounts created in %d ms (one BCrypt hash, batched inserts); start-up to ready %d ms%n",
                    settings.students(), accountsCreated.toMillis(), startedIn.toMillis()));
            if (!PackagedApp.java().equals("java")) {
                summary.append("  the app's java (it.java): ").append(PackagedApp.java()).append(System.lineSeparator());
            }
            summary.append("  the app's JVM options (").append(LoadSettings.RECOMMENDED_JVM_OPTIONS).append(", then load.jvmArgs): ")
                    .append(String.join(" ", settings.jvmOptions())).append(System.lineSeparator());
            if (!settings.appArguments().isEmpty()) {
                summary.append("  the app's extra arguments (load.appArgs): ").append(String.join(" ", settings.appArguments()))
                        .append(System.lineSeparator());
            }
            // the rate while it was fetched, in its samples
            double ceilingSeconds = ledger.ceilingMillis.sum() / 1000.0 / Math.max(1, settings.staticClients());
            double staticPerSecond = staticFile == null || ceilingSeconds == 0 ? 0 : staticFile.ok() / ceilingSeconds;
            summary.append(String.format(Locale.ROOT, "  %-26s %9s %9s %11s %7s %7s %7s %7s %8s %9s %9s%n", "request", "answered",
                    "per s", "busiest 10s", "p50 ms", "p95 ms", "p99 ms", "max ms", "turned", "÷ static", "KB each"));
            double runSeconds = (System.currentTimeMillis() - ledger.startedAtMillis) / 1000.0;
            for (String request : REQUESTS) {
                // the board's two answers are one request to Gatling; the ledger tells them apart
                GatlingStats.RequestStats figures = stats.request(request) != null ? stats.request(request)
                        : fromLedger(request, latencies.get(request), runSeconds);
                if (figures == null) {
                    continue;
                }
                double busiest = busiest(latencies.get(request), 10) / 10.0;
                int counted = answered(latencies, request);
                summary.append(String.format(Locale.ROOT, "  %-26s %9d %9.1f %11.1f %7d %7d %7d %7d %8d %8.1f%% %9.1f%n", request,
                        figures.ok(), figures.perSecond(), busiest, figures.p50(), figures.p95(), figures.p99(), figures.max(),
                        ledger.turnedAway.containsKey(request) ? ledger.turnedAway.get(request).get() : 0,
                        staticPerSecond == 0 ? 0 : 100 * busiest / staticPerSecond,
                        counted == 0 ? 0 : ledger.bodyBytes(request) / 1024.0 / counted));
            }
            if (staticFile != null) {
                summary.append(String.format(Locale.ROOT, "  %-26s %9d %9.1f %11s %7d %7d %7d %7d %8s %9s%n",
                        "static file (the ceiling)", staticFile.ok(), staticPerSecond, "", staticFile.p50(), staticFile.p95(),
                        staticFile.p99(), staticFile.max(), "", "100%"));
            }
            summary.append(String.format(Locale.ROOT, "  (÷ static: the busiest 10 s of a request type against the static file's "
                    + "rate while %d client(s) fetched it back to back, %d s of every %d)%n", settings.staticClients(),
                    LoadSettings.CEILING_BURST.toSeconds(), LoadSettings.CEILING_EVERY.toSeconds()));
            int[] awayFromCeiling = awayFromCeiling(latencies.get("autosave"), ledger.ceilingSeconds);
            if (awayFromCeiling.length > 0) {
                // the ceiling's clients take the cores while they fetch: the class's own latency is that of the other seconds
                summary.append(String.format(Locale.ROOT, "  autosave away from the ceiling's samples (answered neither in one nor in "
                                + "the second after): %d answered, p50 %d ms, p95 %d ms, p99 %d ms%n", awayFromCeiling.length,
                        percentile(awayFromCeiling, 50), percentile(awayFromCeiling, 95), percentile(awayFromCeiling, 99)));
            }
            GatlingStats.RequestStats submit = stats.request("submit");
            if (submit != null) {
                // the submit burst: a class submitting in its last minute
                summary.append(String.format(Locale.ROOT, "  submit burst: %d of %d submissions answered within the busiest 60 s, "
                                + "p99 %d ms over all; %s%n", busiest(latencies.get("submit"), 60), submit.ok(), submit.p99(),
                        settings.commonClose() ? "the quiz closed for the whole class at one time (load.commonClose)"
                                : "each student's deadline was their own (load.commonClose=false)"));
            }
            if (settings.staffBrowsers() > 0) {
                int changed = answered(latencies, ClassSimulation.BOARD_CHANGED);
                summary.append(String.format(Locale.ROOT, "  control room open in %d staff browser(s), the board polled every %d s: "
                                + "%d polls, %d answered 200 (a new board) and %d 304 (%.0f%% unchanged); %.1f MB of boards, "
                                + "%.1f MB of pages and files; %d turned away%n",
                        settings.staffBrowsers(), LoadSettings.BOARD_POLL_INTERVAL.toSeconds(), boardPolls, changed,
                        boardPolls - changed, boardPolls == 0 ? 0 : 100.0 * (boardPolls - changed) / boardPolls,
                        ledger.bodyBytes(ClassSimulation.BOARD_CHANGED) / 1048576.0,
                        (ledger.bodyBytes("control room page") + ledger.bodyBytes("control room file")) / 1048576.0,
                        ledger.turnedAway.containsKey("board") ? ledger.turnedAway.get("board").get() : 0));
            }
            summary.append(String.format(Locale.ROOT, "  errors %d; turned away (429/503, waited out) %d; lost writes %d; "
                            + "score mismatches %d (%d submitted attempts graded again, %d of students who left submitted by the server)%n",
                    ledger.errors.get() + staticErrors, ledger.turnedAwayTotal(), stored.lostWrites(), stored.scoreMismatches(),
                    stored.graded(), stored.serverSubmitted()));
            summary.append(String.format(Locale.ROOT, "  server: CPU %.2f cores on average, %.2f in the busiest 10 s; heap peak %.0f MB "
                            + "(committed at most %.0f MB); classes' space (metaspace) peak %.0f MB; resident peak %d MB; "
                            + "GC pauses during the run %d, total %.0f ms, max %.1f ms; full collections %d (start-up included)%n",
                    serverCpu.average(), serverCpu.busiest10s(), gc.peakHeapMegabytes(), gc.committedMegabytes(),
                    gc.peakMetaspaceMegabytes(), residentPeak, gc.pauses(), gc.totalMillis(), gc.maxMillis(), gc.fullCollections()));
            if (databasePeak > 0) {
                summary.append(String.format(Locale.ROOT, "  database file: %d MB at most during the run%n", databasePeak));
            }
            summary.append(String.format(Locale.ROOT, "  load generator (Gatling, same machine): CPU %.2f cores on average, %.2f in the busiest 10 s%n",
                    generatorCpu.average(), generatorCpu.busiest10s()));
            summary.append(String.format("  Gatling report: %s%n  chart: %s%n", stats.reportDir().resolve("index.html"), out.resolve(name)));
            failures.forEach(failure -> summary.append("  FAILED: ").append(failure).append(System.lineSeparator()));
            System.out.println();
            System.out.println(summary);
            Files.writeString(out.resolve("summary-" + settings.students() + "-" + settings.database() + ".txt"), summary);
            return new Outcome(failures, summary.toString());
        }
    }

    private static int answered(SortedMap<String, SortedMap<Integer, int[]>> latencies, String request) {
        SortedMap<Integer, int[]> seconds = latencies.get(request);
        return seconds == null ? 0 : seconds.values().stream().mapToInt(second -> second.length).sum();
    }

    /** Figures of a request type Gatling does not tell apart, from the latencies the run collected (nearest rank). */
    private static GatlingStats.RequestStats fromLedger(String request, SortedMap<Integer, int[]> seconds, double runSeconds) {
        if (seconds == null || seconds.isEmpty()) {
            return null;
        }
        int[] all = seconds.values().stream().flatMapToInt(Arrays::stream).sorted().toArray();
        return new GatlingStats.RequestStats(request, all.length, 0, all.length / Math.max(1, runSeconds),
                percentile(all, 50), percentile(all, 95), percentile(all, 99), all[all.length - 1]);
    }

    /** The latencies answered in seconds neither within a ceiling's sample nor right after one, sorted. */
    private static int[] awayFromCeiling(SortedMap<Integer, int[]> seconds, Set<Integer> ceilingSeconds) {
        if (seconds == null) {
            return new int[0];
        }
        return seconds.entrySet().stream()
                .filter(second -> !ceilingSeconds.contains(second.getKey()) && !ceilingSeconds.contains(second.getKey() - 1))
                .flatMapToInt(second -> Arrays.stream(second.getValue()))
                .sorted().toArray();
    }

    private static long percentile(int[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    /** The most requests of this type answered in any {@code windowSeconds} seconds. */
    private static int busiest(SortedMap<Integer, int[]> seconds, int windowSeconds) {
        if (seconds == null || seconds.isEmpty()) {
            return 0;
        }
        int last = seconds.lastKey();
        int[] counts = new int[last + 1];
        seconds.forEach((second, latencies) -> counts[Math.max(0, second)] += latencies.length);
        int busiest = 0;
        int window = 0;
        for (int second = 0; second <= last; second++) {
            window += counts[second] - (second >= windowSeconds ? counts[second - windowSeconds] : 0);
            busiest = Math.max(busiest, window);
        }
        return busiest;
    }

    /** Gatling and Netty log every request at DEBUG without a configuration of their own. */
    private static void quietGatlingLogs() {
        for (String logger : List.of("io.gatling", "io.netty")) {
            if (LoggerFactory.getLogger(logger) instanceof Logger logback) {
                logback.setLevel(Level.WARN);
            }
        }
    }

}
