package org.quizdesk.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A class taking a timed quiz, open-loop: students arrive at a rate (not a fixed number of connections) and do
 * what a browser with the quiz page does. They sign in over the sign-in window and go on, as the browser is led, to
 * the quiz list and the honor code page, where they wait; all press Start within the start window after it (the
 * honor code form, with its CSRF token), autosave every 5 s with new answers (JSON, the CSRF header,
 * as quiz.js sends them, on its timer's beat: a slow save does not put the next ones back), and submit within the
 * last window before their deadline, except a share who leave and let time run out: the server submits those, and
 * they look once it should have. A 429 or 503 is waited out as the page does (a back-off, never sooner than its
 * Retry-After; an autosave's retry is dropped when the submission goes, which carries the answers), and counted
 * apart from errors. With
 * {@code load.commonClose} (the default) the instructor first sets the quiz to open when the sign-in window is over
 * and to close for the whole class when the time limit after the opening is over, through the settings form, so that
 * the honor code page counts down to the opening, every deadline is that closing time and
 * the submissions come together in its last window; each student checks that their deadline is. Alongside, a
 * few clients fetch a static CSS file back to back all through the class: the ceiling the other figures are
 * compared with. With {@code load.staffBrowsers}, course staff keep the control room open all through the class, as
 * its page does: sign in, load the page and its files, then fetch the board every 5 s with the last version as
 * {@code If-None-Match}.
 *
 * <p>Gatling creates this class itself; the run it belongs to is {@link ClassRun#current()}.
 */
public class ClassSimulation extends Simulation {

    static final String STATIC_FILE = "/css/quizdesk.css";
    /** Tries of one request turned away with 429/503 before it counts as an error (at most 15 s apart). */
    private static final int MAX_TRIES = 100;
    private static final double MAX_BACKOFF_MILLIS = 15_000;
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern PAGE_TOKEN = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern ATTEMPT_PATH = Pattern.compile("/attempts/(\\d+)$");
    private static final Pattern DEADLINE = Pattern.compile("\"deadline\"\\s*:\\s*(\\d+)");
    /** The board's version, which the page sends back as If-None-Match (control-room.js). */
    private static final Pattern BOARD_VERSION = Pattern.compile("data-version=\"([^\"]+)\"");
    /** The page's style sheets and scripts, which a browser fetches with it (the layout's and the page's own). */
    private static final Pattern PAGE_FILE = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+)\"");
    static final String CONTROL_ROOM = "/admin/quizzes/" + LoadSettings.QUIZ_ID + "/live";
    private static final String SETTINGS_PAGE = "/admin/quizzes/" + LoadSettings.QUIZ_ID + "/settings";
    static final String BOARD_CHANGED = "board, changed (200)";
    static final String BOARD_UNCHANGED = "board, unchanged (304)";
    /** Requests whose failure the page lives with: the next save, the submission's retry, the next poll. */
    private static final Set<String> NOT_FATAL = Set.of("autosave", "submit", "board");

    private final ClassRun run = ClassRun.current();
    private final LoadSettings settings = run.settings();
    private final RunLedger ledger = run.ledger();
    private final AtomicInteger nextStudent = new AtomicInteger();
    private final AtomicInteger nextStaff = new AtomicInteger();

    {
        HttpProtocolBuilder browser = http.baseUrl("http://127.0.0.1:" + run.port())
                // the virtual user reads each redirect itself, as the checks need its Location
                .disableFollowRedirect()
                // every fetch reaches the server, the static file's too: it is the ceiling being measured
                .disableCaching()
                .acceptLanguageHeader("en")
                .userAgentHeader("quizdesk-load-benchmark");
        List<PopulationBuilder> populations = new ArrayList<>(List.of(
                student().injectOpen(rampUsers(settings.students()).during(settings.signInWindow())),
                staticFile().injectOpen(atOnceUsers(settings.staticClients()))));
        if (settings.commonClose()) {
            populations.add(instructor().injectOpen(atOnceUsers(1)));
        }
        if (settings.staffBrowsers() > 0) {
            // the proctors open the control room while the class signs in, within its first 10 s
            populations.add(staff().injectOpen(rampUsers(settings.staffBrowsers())
                    .during(min(Duration.ofSeconds(10), settings.signInWindow()))));
        }
        setUp(populations).protocols(browser);
    }

    @Override
    public void before() {
        ledger.begin();
    }

    /** The quiz opens once the sign-in window is over. */
    private long quizOpensAt() {
        return ledger.startedAtMillis + settings.signInWindow().toMillis();
    }

    /** The opening as the settings form takes it (whole seconds), never after the students' first press of Start. */
    private Instant quizOpensAtSecond() {
        return Instant.ofEpochMilli(quizOpensAt()).truncatedTo(ChronoUnit.SECONDS);
    }

    /** With a common close, the quiz closes for everyone the time limit after it opens (whole seconds: the form's). */
    private Instant quizClosesAt() {
        return Instant.ofEpochMilli(quizOpensAt()).plus(settings.quizTime()).truncatedTo(ChronoUnit.SECONDS);
    }

    private ScenarioBuilder student() {
        return scenario("student")
                .exec(session -> {
                    int student = nextStudent.incrementAndGet();
                    return session.set("student", student).set("username", ClassDatabase.username(student))
                            .set("password", ClassDatabase.PASSWORD).set("fatal", false);
                })
                .exec(signIn())
                .doIf(this::going).then(exec(getReady()))
                .doIf(this::going).then(exec(start()))
                .doIf(this::going).then(exec(write()))
                .exec(session -> {
                    ledger.studentDone();
                    return session;
                });
    }

    /** The sign-in page, then the form posted with its token; done on a redirect to the home page. */
    private ChainBuilder signIn() {
        return exec(request("sign-in page", List.of(200), http("sign-in page").get("/signin")
                        .check(regex(FORM_TOKEN.pattern()).withDefault("").saveAs("formToken"))))
                .doIf(this::going).then(exec(request("sign-in", List.of(302), http("sign-in").post("/signin")
                        .formParam("username", session -> session.getString("username"))
                        .formParam("password", session -> session.getString("password"))
                        .formParam("_csrf", "#{formToken}"))))
                .exec(session -> {
                    // a refused sign-in (wrong password, throttled) is also a redirect, back to the sign-in page
                    if (going(session) && !session.getString("location").replaceAll("^https?://[^/]+", "").equals("/")) {
                        return fail(session, "sign-in", "redirected to " + session.getString("location"));
                    }
                    return session;
                });
    }

    /**
     * Where a browser goes from the sign-in: the home page's redirect to the quiz list, and from the list ("Get ready")
     * the honor code page, where the student reads and waits for the opening (start.js offers Start then).
     */
    private ChainBuilder getReady() {
        return exec(request("home", List.of(302), http("home").get("/")))
                .doIf(this::going).then(exec(request("quiz list", List.of(200), http("quiz list").get("/quizzes"))))
                .doIf(this::going).then(exec(request("honor code page", List.of(200), http("honor code page").get("/quizzes/" + LoadSettings.QUIZ_ID)
                        .check(regex(FORM_TOKEN.pattern()).withDefault("").saveAs("formToken")))));
    }

    /**
     * Waits for the quiz to open (plus this student's delay), presses Start on the signed form, opens the quiz page.
     * With a common close, also for the instructor's times: one who started before them would get the quiz file's
     * time limit as a deadline, not the closing (a crowded CI machine slowed the instructor so, 9 of 50 started early).
     */
    private ChainBuilder start() {
        // at most a minute past the opening: an instructor who never got there shows as the deadlines' errors
        return asLongAs(session -> settings.commonClose() && !ledger.timesSet && System.currentTimeMillis() < quizOpensAt() + 60_000)
                .on(pause(Duration.ofMillis(100)))
                .pause(session -> untilMillis(quizOpensAt() + random(settings.startWindow())))
                .exec(request("start", List.of(302), http("start")
                        .post("/quizzes/" + LoadSettings.QUIZ_ID + "/start")
                        .formParam("agree", "true")
                        .formParam("signature", session -> "Load Student " + session.getInt("student"))
                        .formParam("_csrf", "#{formToken}")))
                .exec(session -> {
                    if (!going(session)) {
                        return session;
                    }
                    Matcher attempt = ATTEMPT_PATH.matcher(session.getString("location"));
                    if (!attempt.find()) {
                        return fail(session, "start", "redirected to " + session.getString("location"));
                    }
                    long attemptId = Long.parseLong(attempt.group(1));
                    ledger.attemptByStudent.put(session.getInt("student"), attemptId);
                    return session.set("attempt", attemptId);
                })
                .doIf(this::going).then(exec(request("quiz page", List.of(200), http("quiz page").get("/attempts/#{attempt}")
                        .check(regex(PAGE_TOKEN.pattern()).withDefault("").saveAs("csrf")))))
                .doIf(this::going).then(exec(request("status", List.of(200), http("status").get("/api/attempts/#{attempt}/status")
                        .check(regex(DEADLINE.pattern()).withDefault("0").saveAs("deadline")))))
                .exec(session -> {
                    if (!going(session)) {
                        return session;
                    }
                    long deadline = Long.parseLong(session.getString("deadline"));
                    boolean leaves = ThreadLocalRandom.current().nextDouble() < settings.leaveShare();
                    // submitters submit within the last window, at least 5 s before the deadline
                    long lastWindow = settings.submitWindow().toMillis();
                    long stopsWritingAt = deadline - lastWindow + ThreadLocalRandom.current().nextLong(Math.max(1, lastWindow - 5_000));
                    if (leaves) {
                        ledger.leftBeforeTheEnd.put(session.getInt("student"), true);
                    }
                    return session.set("leaves", leaves).set("stopsWritingAt", stopsWritingAt).set("sequence", 0L).set("liveStamp", "")
                            // the first save comes at some point within the first interval, as students begin typing
                            .set("nextSaveAt", System.currentTimeMillis() + random(LoadSettings.AUTOSAVE_INTERVAL));
                })
                .exec(session -> {
                    if (!going(session)) {
                        return session;
                    }
                    if (deadline(session) == 0) {
                        return fail(session, "status", "no deadline");
                    }
                    if (settings.commonClose() && deadline(session) != quizClosesAt().toEpochMilli()) {
                        return fail(session, "status", "a deadline of " + Instant.ofEpochMilli(deadline(session))
                                + ", not the class's closing time " + quizClosesAt());
                    }
                    return session;
                });
    }

    /**
     * The instructor, before the quiz opens: signs in and saves the quiz's settings form with the opening and closing
     * times (published, the rest blank: the quiz file's values). The form takes the course's zone, UTC by default.
     */
    private ScenarioBuilder instructor() {
        return scenario("instructor")
                .exec(session -> session.set("username", ClassDatabase.INSTRUCTOR)
                        .set("password", ClassDatabase.INSTRUCTOR_PASSWORD).set("fatal", false))
                .exec(signIn())
                .doIf(this::going).then(exec(request("settings page", List.of(200), http("settings page").get(SETTINGS_PAGE)
                        .check(regex(FORM_TOKEN.pattern()).withDefault("").saveAs("formToken")))))
                .doIf(this::going).then(exec(request("settings", List.of(302), http("settings").post(SETTINGS_PAGE)
                        .formParam("published", "true")
                        .formParam("opens", session -> LocalDateTime.ofInstant(quizOpensAtSecond(), ZoneOffset.UTC).toString())
                        .formParam("closes", session -> LocalDateTime.ofInstant(quizClosesAt(), ZoneOffset.UTC).toString())
                        .formParam("_csrf", "#{formToken}"))))
                .exec(session -> {
                    ledger.timesSet = true;
                    return session;
                });
    }

    /** Autosaves while answers change, then the submission, or leaving and looking whether the server submitted. */
    private ChainBuilder write() {
        return asLongAs(session -> session.getLong("nextSaveAt") < session.getLong("stopsWritingAt")).on(
                        pause(session -> untilMillis(session.getLong("nextSaveAt")))
                                .exec(session -> session.set("sequence", session.getLong("sequence") + 1))
                                .exec(request("autosave", List.of(200), http("autosave").put("/api/attempts/#{attempt}/answers")
                                        .header("Content-Type", "application/json")
                                        .header("X-CSRF-TOKEN", "#{csrf}")
                                        // the room's stamp from the last save's answer, as the page sends it (live.js):
                                        // empty at first, so the first answer brings the whole live state
                                        .header("X-Quizdesk-Live", "#{liveStamp}")
                                        .body(StringBody(session -> run.answerSheets().json(session.getInt("student"),
                                                session.getLong("sequence"))))
                                        .checkIf((response, session) -> response.status().code() == 200)
                                        .then(jsonPath("$.live.stamp").saveAs("liveStamp")),
                                        // the page drops a turned-away save's retry when the submission goes: it
                                        // carries the answers (quiz.js, retryLater clears the waiting retry)
                                        session -> session.getLong("stopsWritingAt")))
                                .exec(session -> {
                                    if (session.getString("outcome").equals("ok")) {
                                        ledger.saved(session.getInt("student"), session.getLong("sequence"));
                                    }
                                    return session.set("nextSaveAt", nextTick(session.getLong("nextSaveAt"), System.currentTimeMillis()));
                                }))
                .doIf(session -> !session.getBoolean("leaves")).then(
                        pause(session -> untilMillis(session.getLong("stopsWritingAt")))
                                .exec(session -> session.set("sequence", session.getLong("sequence") + 1))
                                .exec(request("submit", List.of(200), http("submit").post("/api/attempts/#{attempt}/submit")
                                        .header("Content-Type", "application/json")
                                        .header("X-CSRF-TOKEN", "#{csrf}")
                                        .body(StringBody(session -> run.answerSheets().json(session.getInt("student"),
                                                session.getLong("sequence"))))))
                                .exec(session -> {
                                    if (session.getString("outcome").equals("ok")) {
                                        ledger.acknowledgedSubmission.put(session.getInt("student"), session.getLong("sequence"));
                                    }
                                    return session;
                                }))
                .doIf(session -> session.getBoolean("leaves")).then(serverSubmits());
    }

    /**
     * A student who left: after the deadline (plus the grace period and the auto-submit job's interval) the
     * status says submitted. Asked every 5 s, for at most 3 minutes past the deadline: the benchmark waiting, not
     * something a page does.
     */
    private ChainBuilder serverSubmits() {
        return pause(session -> untilMillis(deadline(session) + 10_000))
                .exec(session -> session.set("submitted", false))
                .asLongAs(session -> !session.getBoolean("submitted") && System.currentTimeMillis() < deadline(session) + 180_000).on(
                        exec(request("status after the deadline", List.of(200), http("status after the deadline")
                                .get("/api/attempts/#{attempt}/status")
                                .check(regex("\"submitted\"\\s*:\\s*(true)").withDefault("").saveAs("submittedFlag"))))
                                .exec(session -> session.set("submitted", session.getString("submittedFlag").equals("true")))
                                .doIf(session -> !session.getBoolean("submitted")).then(pause(Duration.ofSeconds(5))))
                .exec(session -> session.getBoolean("submitted") ? session
                        : fail(session, "status after the deadline", "not submitted by the server 3 minutes after the deadline"));
    }

    /**
     * A proctor's browser with the control room open until the class is over: signs in as course staff, loads the
     * page and its files, then does what control-room.js does every 5 s.
     */
    private ScenarioBuilder staff() {
        return scenario("staff")
                .exec(session -> session.set("username", ClassDatabase.staffUsername(nextStaff.incrementAndGet()))
                        .set("password", ClassDatabase.PASSWORD).set("fatal", false))
                .exec(signIn())
                .doIf(this::going).then(exec(request("control room page", List.of(200), http("control room page").get(CONTROL_ROOM)
                        .check(regex(BOARD_VERSION.pattern()).withDefault("").saveAs("boardVersion"),
                                regex(PAGE_FILE.pattern()).findAll().withDefault(List.of()).saveAs("pageFiles")))))
                .exec(session -> going(session) && session.getString("boardVersion").isEmpty()
                        ? fail(session, "control room page", "no board version in the page") : session)
                .doIf(this::going).then(foreach("#{pageFiles}", "pageFile").on(
                        exec(request("control room file", List.of(200), http("control room file").get("#{pageFile}")))))
                .doIf(this::going).then(exec(session -> session.set("nextPollAt", System.currentTimeMillis()))
                        .asLongAs(session -> !ledger.classIsOver(settings.students())).on(
                                exec(session -> session.set("nextPollAt", session.getLong("nextPollAt")
                                        + LoadSettings.BOARD_POLL_INTERVAL.toMillis()))
                                        .pause(session -> untilMillis(session.getLong("nextPollAt")))
                                        .exec(boardPoll())));
    }

    /**
     * One poll of the board as control-room.js sends it: its URL, Accept text/html and the version of the board
     * shown as If-None-Match. A 304 keeps the board; a 200 brings the new one and its version. Anything else
     * leaves the board as it is until the next poll (the page says it may be old); 429/503 count as turned away.
     */
    private ChainBuilder boardPoll() {
        // a check that finds nothing (a 304's empty body) saves nothing: the last poll's values must not stay
        return exec(session -> session.remove("status").remove("bytes"))
                .exec(http("board").get(CONTROL_ROOM + "/board")
                        .header("Accept", "text/html")
                        .header("If-None-Match", session -> "\"" + session.getString("boardVersion") + "\"")
                        .check(status().saveAs("status"),
                                responseTimeInMillis().saveAs("latency"),
                                bodyLength().saveAs("bytes"),
                                regex(BOARD_VERSION.pattern()).withDefault("").saveAs("newVersion"),
                                status().in(200, 304)))
                .exec(session -> {
                    if (!session.contains("status")) {
                        return fail(session, "board", "no answer (connection refused, reset or timed out)");
                    }
                    int status = session.getInt("status");
                    if (status == 304) {
                        ledger.answered(BOARD_UNCHANGED, System.currentTimeMillis(), session.getInt("latency"), bytes(session));
                        return session;
                    }
                    if (status == 200) {
                        ledger.answered(BOARD_CHANGED, System.currentTimeMillis(), session.getInt("latency"), bytes(session));
                        String version = session.getString("newVersion");
                        return version.isEmpty() ? fail(session, "board", "a board without its version") : session.set("boardVersion", version);
                    }
                    if (status == 429 || status == 503) {
                        ledger.turnedAway("board");
                        return session;
                    }
                    return fail(session, "board", "answered " + status);
                });
    }

    /**
     * The ceiling is sampled in bursts, not measured all through: clients fetching back to back take whatever the class
     * leaves of the cores, so the class's own figures would be those of a server sharing its cores with them.
     */
    private ScenarioBuilder staticFile() {
        return scenario("static file").asLongAs(session -> !ledger.classIsOver(settings.students())).on(
                exec(session -> session.set("burstStarted", System.currentTimeMillis()))
                        .during(LoadSettings.CEILING_BURST).on(exec(http("static file").get(STATIC_FILE)))
                        .exec(session -> {
                            ledger.ceilingSampled(session.getLong("burstStarted"), System.currentTimeMillis());
                            return session;
                        })
                        .pause(LoadSettings.CEILING_EVERY.minus(LoadSettings.CEILING_BURST)));
    }

    /**
     * Sends a request until it is answered with an expected status, waiting out each 429/503 as its Retry-After
     * says; records the latency of the answered one; sets "outcome" to ok or error and "location" to the
     * redirect's target.
     */
    private ChainBuilder request(String name, List<Integer> expected, HttpRequestActionBuilder request) {
        return request(name, expected, request, session -> Long.MAX_VALUE);
    }

    /**
     * {@link #request(String, List, HttpRequestActionBuilder)}, retried only until {@code retriesUntil} (epoch
     * millis): then a request still turned away is dropped (outcome "dropped"), neither answered nor an error.
     */
    private ChainBuilder request(String name, List<Integer> expected, HttpRequestActionBuilder request,
            ToLongFunction<Session> retriesUntil) {
        HttpRequestActionBuilder checked = request.check(
                status().saveAs("status"),
                responseTimeInMillis().saveAs("latency"),
                bodyLength().saveAs("bytes"),
                header("Retry-After").withDefault("1").saveAs("retryAfter"),
                header("Location").withDefault("").saveAs("location"),
                // 429/503 show in Gatling's report as failed; the benchmark counts them as turned away, not errors
                status().in(expected));
        return exec(session -> session.set("outcome", "retry").set("tries", 0))
                .asLongAs(session -> session.getString("outcome").equals("retry")).on(
                        exec(session -> session.remove("status").remove("bytes").set("tries", session.getInt("tries") + 1))
                                .exec(checked)
                                .exec(session -> outcome(name, expected, session))
                                .doIf(session -> session.getString("outcome").equals("retry")).then(
                                        pause(session -> min(retryDelay(session), untilMillis(retriesUntil.applyAsLong(session)))))
                                .exec(session -> session.getString("outcome").equals("retry")
                                        && System.currentTimeMillis() >= retriesUntil.applyAsLong(session)
                                        ? session.set("outcome", "dropped") : session));
    }

    /**
     * The quiz page's wait before it tries again (quiz.js, nextDelay): an exponential back-off with jitter, up to
     * 15 s, so a class does not come back all at once; never sooner than the server's Retry-After.
     */
    private static Duration retryDelay(Session session) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double ceiling = Math.min(MAX_BACKOFF_MILLIS, 1000 * Math.pow(2, session.getInt("tries")));
        double backOff = ceiling / 2 + random.nextDouble() * ceiling / 2;
        double asked = Long.parseLong(session.getString("retryAfter").trim()) * 1000.0 + random.nextDouble() * 500;
        return Duration.ofMillis((long) Math.max(backOff, asked));
    }

    private Session outcome(String name, List<Integer> expected, Session session) {
        if (!session.contains("status")) {
            return fail(session, name, "no answer (connection refused, reset or timed out)");
        }
        int status = session.getInt("status");
        if (expected.contains(status)) {
            ledger.answered(name, System.currentTimeMillis(), session.getInt("latency"), bytes(session));
            return session.set("outcome", "ok");
        }
        if ((status == 429 || status == 503) && session.getInt("tries") < MAX_TRIES) {
            ledger.turnedAway(name);
            return session.set("outcome", "retry");
        }
        return fail(session, name, "answered " + status);
    }

    private Session fail(Session session, String name, String what) {
        ledger.error(name, session.getString("username"), what);
        // without a signed-in session, an attempt, a deadline or the control room this browser cannot go on
        boolean fatal = !NOT_FATAL.contains(name);
        return session.set("outcome", "error").set("fatal", session.getBoolean("fatal") || fatal);
    }

    private boolean going(Session session) {
        return !session.getBoolean("fatal");
    }

    private static long deadline(Session session) {
        return session.contains("deadline") ? Long.parseLong(session.getString("deadline")) : 0;
    }

    private static Duration untilMillis(long epochMillis) {
        return Duration.ofMillis(Math.max(0, epochMillis - System.currentTimeMillis()));
    }

    /** The answer's body length; none for a bodiless answer (a 304, a redirect), whose check saves nothing. */
    private static int bytes(Session session) {
        return session.contains("bytes") ? session.getInt("bytes") : 0;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * The page saves on a timer (quiz.js: {@code setInterval}, every 5 s while answers changed), so its saves keep
     * their beat whatever a save took: the next is the first tick after this one's answer; ticks while a save was
     * on its way (a slow answer, a retry) are skipped, as the page skips them.
     */
    private static long nextTick(long lastTick, long nowMillis) {
        long interval = LoadSettings.AUTOSAVE_INTERVAL.toMillis();
        return lastTick + interval * Math.max(1, (nowMillis - lastTick) / interval + 1);
    }

    private static long random(Duration window) {
        return ThreadLocalRandom.current().nextLong(Math.max(1, window.toMillis()));
    }
}
