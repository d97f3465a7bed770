package org.quizdesk.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The knobs of one load run, read from system properties ({@code -Dload.students=1000}, …); the README lists them.
 * The defaults are the CI run's: 50 students and a 2-minute quiz. {@code mvn -Pload verify} sets the benchmark's.
 *
 * @param students        students in the class (accounts created before the start)
 * @param quizMinutes     the quiz's time limit
 * @param database        {@code h2} (the embedded default, a fresh file) or {@code postgres} (an embedded server)
 * @param heap            the app's {@code -Xmx}
 * @param signInWindow    sign-ins arrive evenly over this window before the quiz starts
 * @param startWindow     everyone starts within this window after it
 * @param submitWindow    students submit within this window before their deadline
 * @param leaveShare      the share of students who let time run out (the server submits them)
 * @param commonClose     the quiz closes for the whole class when its time limit after the opening is over (the
 *                        instructor sets the window before anyone starts), so every deadline is the same and the
 *                        submissions come together in the last window: the submit burst. Without it each student's
 *                        deadline is the time limit after their own start, and submissions spread over two windows
 * @param staticClients   clients fetching the static file back to back in the ceiling's samples; 0: none
 * @param staffBrowsers   course staff with the control room open all through the class (signed in as TAs); 0: none
 * @param appArguments    extra arguments for the app ({@code --quizdesk.attempts.grace=10s}, …)
 * @param jvmOptions      the app's JVM options besides its heap and GC log: the recommended ones (scripts/jvm.options),
 *                        then load.jvmArgs' ({@code -XX:StartFlightRecording=…}, another collector, …; a later
 *                        option wins over an earlier one)
 * @param outputDir       where the figures, the chart and the app's log go
 */
record LoadSettings(int students, int quizMinutes, String database, String heap, Duration signInWindow,
        Duration startWindow, Duration submitWindow, double leaveShare, boolean commonClose, int staticClients, int staffBrowsers, List<String> appArguments,
        List<String> jvmOptions, Path outputDir) {

    static final String QUIZ_ID = "cse493g1-au24-quiz2";
    /** The JVM options the README recommends for a quiz server; the benchmark measures the app run with them. */
    static final Path RECOMMENDED_JVM_OPTIONS = Path.of("scripts/jvm.options");
    /** How often the page saves while answers change (quizdesk.attempts.autosave-interval). */
    static final Duration AUTOSAVE_INTERVAL = Duration.ofSeconds(5);
    /** The ceiling's samples: the static file fetched back to back for this long, once every {@link #CEILING_EVERY}. */
    static final Duration CEILING_BURST = Duration.ofSeconds(5);
    static final Duration CEILING_EVERY = Duration.ofSeconds(30);
    /** How often the control room's script fetches its board (control-room.js, INTERVAL). */
    static final Duration BOARD_POLL_INTERVAL = Duration.ofSeconds(5);

    LoadSettings {
        if (!database.equals("h2") && !database.equals("postgres")) {
            throw new IllegalArgumentException("load.database is h2 or postgres, not " + database);
        }
        if (staffBrowsers < 0 || staffBrowsers > 999) {
            throw new IllegalArgumentException("load.staffBrowsers is 0 to 999, not " + staffBrowsers);
        }
    }

    static LoadSettings fromSystemProperties() {
        int students = Integer.getInteger("load.students", 50);
        int quizMinutes = Integer.getInteger("load.quizMinutes", 2);
        Duration quiz = Duration.ofMinutes(quizMinutes);
        // the rate of a 10,000-student class signing in over ten minutes (~17/s), at least 10 s, at most 10 min
        long signInSeconds = Math.max(10, Math.min(600, Math.round(students * 0.06)));
        // a minute, but a short quiz keeps most of its time for writing
        Duration window = min(Duration.ofMinutes(1), quiz.dividedBy(8));
        // the CI run (no load.students given) ends sooner: saves and submissions are taken 10 s past the deadline
        // rather than 30, and the server looks for expired attempts every 5 s rather than 15
        String ciArguments = System.getProperty("load.students") == null
                ? "--quizdesk.attempts.grace=10s --quizdesk.attempts.expiry-check-interval=5s" : "";
        String appArguments = System.getProperty("load.appArgs", ciArguments).trim();
        // the CI run keeps the control room open in one browser, which proves the staff scenario works; the
        // benchmark's default is none, so that its figures are the class alone unless asked for
        int staffBrowsers = Integer.getInteger("load.staffBrowsers", System.getProperty("load.students") == null ? 1 : 0);
        return new LoadSettings(students, quizMinutes,
                System.getProperty("load.database", "h2"),
                System.getProperty("load.heap", "512m"),
                Duration.ofSeconds(Long.getLong("load.signInSeconds", signInSeconds)),
                window, window,
                Double.parseDouble(System.getProperty("load.leaveShare", "0.1")),
                Boolean.parseBoolean(System.getProperty("load.commonClose", "true")),
                Integer.getInteger("load.staticClients", 2),
                staffBrowsers,
                words(appArguments),
                recommendedThenGivenJvmOptions(),
                Path.of(System.getProperty("load.outputDir", "target/load")).toAbsolutePath());
    }

    Duration quizTime() {
        return Duration.ofMinutes(quizMinutes);
    }

    /** The recommended JVM options (scripts/jvm.options, a java argument file: # starts a comment), then load.jvmArgs'. */
    private static List<String> recommendedThenGivenJvmOptions() {
        List<String> options = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(RECOMMENDED_JVM_OPTIONS)) {
                options.addAll(words(line.replaceFirst("#.*", "").trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the benchmark runs the app with the recommended JVM options", e);
        }
        options.addAll(words(System.getProperty("load.jvmArgs", "").trim()));
        return options;
    }

    private static List<String> words(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
