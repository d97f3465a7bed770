package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The base of the real-browser tests: the app on a random port, one headless Debian Chromium per test class,
 * students made on demand, and checks every student page gets (axe-core at laptop and phone width, screenshots).
 * All browser test classes share one Spring context (and so one database): a test that changes the seed quiz's
 * settings or the clock gets them put back after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ShiftableClock.Config.class, ServerTrouble.Config.class, SessionEnder.Config.class})
@ExtendWith(ChromiumAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    static final String SEED_QUIZ = "cse493g1-au24-quiz2";
    static final String PASSWORD = "browser-test-password";
    static final Dimension LAPTOP = new Dimension(1280, 800);
    static final Dimension PHONE = new Dimension(390, 844);
    /** Every page shows times in the student's zone; this one is far from the server's UTC. */
    static final String STUDENT_TIME_ZONE = "America/Los_Angeles";

    private static final AtomicInteger STUDENTS = new AtomicInteger();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * Screenshots are for people to look at, so CI, where nobody does, takes none (-Dscreenshots=true takes them there
     * too): they were a third of the student journey's time.
     */
    static final boolean TAKE_SCREENSHOTS = !"true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("screenshots");

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    QuizSettingsRepository quizSettings;

    @Autowired
    ShiftableClock clock;

    @Autowired
    ServerTrouble serverTrouble;

    @Autowired
    SessionEnder sessions;

    @Autowired
    MessageSource messages;

    /** The language the pages are in (the browser asks for English; a test may switch); see {@link #text}. */
    Locale pageLanguage = Locale.ENGLISH;

    WebDriver driver;
    private ChromeDriverService service;
    private Path profile;
    /** Where the browser saves downloaded files. */
    Path downloads;

    @BeforeAll
    void startBrowser() throws IOException {
        if (!Files.isExecutable(Path.of(ChromiumAvailable.CHROMIUM)) || !Files.isExecutable(Path.of(ChromiumAvailable.CHROMEDRIVER))) {
            fail("CI=true but " + ChromiumAvailable.CHROMIUM + " or " + ChromiumAvailable.CHROMEDRIVER
                    + " is missing: install chromium and chromium-driver (see .ci/run)");
        }
        profile = Files.createTempDirectory("quizdesk-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(ChromiumAvailable.CHROMEDRIVER))
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", STUDENT_TIME_ZONE))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumAvailable.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--lang=en-US", "--user-data-dir=" + profile.toAbsolutePath());
        downloads = Files.createTempDirectory("quizdesk-downloads-");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(LAPTOP);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Puts back what a test may change: the seed quiz's settings, the clock, the test filter, the network and the window. */
    @AfterEach
    void restore() {
        QuizSettingsRow seed = seedSettings();
        seed.setScoresReleased(false);
        seed.setSolutionsReleased(false);
        seed.setTimeLimitSeconds(null);
        seed.setGraceSeconds(null);
        seed.setWindow(null, null);
        quizSettings.save(seed);
        clock.reset();
        serverTrouble.reset();
        if (driver != null) {
            driver.manage().window().setSize(LAPTOP);
            driver.manage().deleteAllCookies();
        }
        pageLanguage = Locale.ENGLISH;
    }

    QuizSettingsRow seedSettings() {
        return quizSettings.findById(SEED_QUIZ).orElseThrow();
    }

    void changeSeedSettings(java.util.function.Consumer<QuizSettingsRow> change) {
        QuizSettingsRow seed = seedSettings();
        change.accept(seed);
        quizSettings.save(seed);
    }

    // ---- students ----------------------------------------------------------------------------------------

    record Student(long accountId, String username, String fullName) {
    }

    Student newStudent(String prefix) {
        String username = prefix + STUDENTS.incrementAndGet();
        String fullName = "Ada " + Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1) + " Lovelace";
        long id = accounts.create(username, fullName, username + "@example.edu", "AA", Role.STUDENT, PASSWORD).id();
        return new Student(id, username, fullName);
    }

    void signIn(Student student) {
        open("/signin");
        driver.findElement(By.id("username")).sendKeys(student.username());
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil("the quiz list after sign-in", d -> d.getCurrentUrl().endsWith("/quizzes"));
    }

    /** A staff account of this role, with the tests' password. */
    String staff(String prefix, Role role) {
        String username = prefix + System.nanoTime();
        accounts.create(username, "Staff " + prefix, null, null, role, PASSWORD);
        return username;
    }

    /** Signs a staff account in; it lands on the staff home. */
    void signInAs(String username) {
        open("/signin");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil("the staff page after sign-in", d -> d.getCurrentUrl().endsWith("/admin"));
    }

    /** Signs in, starts the seed quiz through the honor-code page and returns the attempt id. */
    long startSeedQuiz(Student student) {
        signIn(student);
        driver.findElement(By.linkText("Start")).click();
        waitUntil("the honor-code page", d -> d.getCurrentUrl().endsWith("/quizzes/" + SEED_QUIZ));
        return signHonorCode(student);
    }

    /** Signs in, opens the quiz's honor-code page directly, starts and returns the attempt id. */
    long startQuiz(Student student, String quizId) {
        signIn(student);
        open("/quizzes/" + quizId);
        return signHonorCode(student);
    }

    /** On the honor-code page: agrees, signs, starts, and returns the attempt id once the quiz page's script runs. */
    long signHonorCode(Student student) {
        driver.findElement(By.id("agree")).click();
        driver.findElement(By.id("signature")).sendKeys(student.fullName());
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil("the quiz page", d -> d.getCurrentUrl().matches(".*/attempts/\\d+$"));
        waitForQuizScript();
        return attemptIdFromUrl();
    }

    /** From the quiz page: Review and submit, the confirmation, and the review it lands on. */
    void submitFromQuizPage(long attemptId) {
        driver.findElement(By.cssSelector("button[name=next][value=submit]")).click();
        waitUntil("the confirmation", d -> d.getCurrentUrl().endsWith("/attempts/" + attemptId + "/submit"));
        driver.findElement(By.xpath("//button[contains(., '" + text("confirm.submit") + "')]")).click();
        waitUntil("the review", d -> d.getCurrentUrl().endsWith("/attempts/" + attemptId + "/review"));
    }

    long attemptIdFromUrl() {
        String url = driver.getCurrentUrl();
        return Long.parseLong(url.replaceAll(".*/attempts/(\\d+).*", "$1"));
    }

    // ---- the page --------------------------------------------------------------------------------------

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void open(String path) {
        driver.get(url(path));
        waitForLoad();
    }

    void waitForLoad() {
        waitUntil("the page to load", d -> "complete".equals(js("return document.readyState;")));
    }

    /**
     * Clicks a link or button that loads a new page and waits for that page. Waiting for the old element to go stale
     * first matters: right after the click the old document still reads "complete".
     */
    void clickToLoad(WebElement element) {
        element.click();
        waitForNextPage(element);
    }

    void waitForNextPage(WebElement onTheOldPage) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> isGone(onTheOldPage));
        waitForLoad();
    }

    /**
     * Whether the element's document has been replaced. Asked while the old document goes, Chromium answers either
     * a stale element or an inspector error that the node "does not belong to the document" (seen once in CI); both
     * mean gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException checking) {
            if (String.valueOf(checking.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw checking;
        }
    }

    /** quiz.js has run once its first tick has replaced the timer's placeholder. */
    void waitForQuizScript() {
        waitForLoad();
        waitUntil("the countdown to start", d -> !d.findElement(By.id("timer")).getText().contains("--"));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String saveStatus() {
        return driver.findElement(By.id("save-status")).getText();
    }

    void waitForSaved() {
        String savedAt = text("js.savedAt").replace("{0}", "").strip();
        waitUntil("the status line to say \"" + savedAt + " …\"", d -> saveStatus().startsWith(savedAt));
    }

    /** A page text from the message bundle in the page's language, so a test asserts what any language shows. */
    String text(String key, Object... args) {
        return messages.getMessage(key, args, pageLanguage);
    }

    /** Seconds left on the page's countdown ("29:41" or "1:02:03"). */
    int timerSeconds() {
        String text = driver.findElement(By.id("timer")).getText().trim();
        int seconds = 0;
        for (String part : text.split(":")) {
            seconds = seconds * 60 + Integer.parseInt(part);
        }
        return seconds;
    }

    void waitUntil(String what, Predicate<WebDriver> condition) {
        waitUntil(what, Duration.ofSeconds(15), condition);
    }

    void waitUntil(String what, Duration timeout, Predicate<WebDriver> condition) {
        try {
            // a page that replaces an element while the condition reads it (a live board, a re-rendered row) is
            // read again at the next poll
            new WebDriverWait(driver, timeout, Duration.ofMillis(100)).withMessage("waiting for " + what)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition::test);
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("Timed out after " + timeout.toSeconds() + " s " + e.getMessage().lines().findFirst().orElse("")
                    + "; the page is " + driver.getCurrentUrl() + " and says:\n" + bodyText());
        }
    }

    String bodyText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(no body: " + e.getMessage() + ")";
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- keyboard --------------------------------------------------------------------------------------

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses Tab (or Shift+Tab) until the focus is on what {@code target} accepts; fails if it never gets there. */
    WebElement tabTo(String description, boolean backwards, Predicate<WebElement> target) {
        for (int presses = 0; presses < 150; presses++) {
            WebElement now = focused();
            if (presses > 0 && target.test(now)) {
                return now;
            }
            now.sendKeys(backwards ? Keys.chord(Keys.SHIFT, Keys.TAB) : Keys.TAB);
        }
        return fail("Could not reach " + description + " with " + (backwards ? "Shift+Tab" : "Tab") + " in 150 presses");
    }

    WebElement tabTo(String id) {
        return tabTo("#" + id, false, e -> id.equals(e.getAttribute("id")));
    }

    WebElement shiftTabTo(String id) {
        return tabTo("#" + id, true, e -> id.equals(e.getAttribute("id")));
    }

    // ---- what every student page gets --------------------------------------------------------------------

    /**
     * Runs axe-core at laptop and at phone width and saves a full-page screenshot at each into target/screenshots
     * (not in CI); fails listing every WCAG 2.1 A/AA violation found.
     */
    void checkPage(String name) {
        List<String> problems = new ArrayList<>();
        for (Dimension size : List.of(LAPTOP, PHONE)) {
            String width = size.equals(LAPTOP) ? "laptop" : "phone";
            driver.manage().window().setSize(size);
            waitUntil("the window to be " + size.width + " wide", d ->
                    Math.abs(((Number) js("return window.innerWidth;")).intValue() - size.width) < 20);
            // the page's own resize handler (page.js, 150 ms after the last resize) runs before this timer ends
            ((JavascriptExecutor) driver).executeAsyncScript("setTimeout(arguments[arguments.length - 1], 200);");
            screenshot(name + "-" + width);
            long overflow = ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
            if (overflow > 0) {
                problems.add("[" + name + " at " + width + " width] the page is " + overflow
                        + " px wider than the window: it scrolls sideways");
            }
            for (String violation : Axe.violations(driver)) {
                problems.add("[" + name + " at " + width + " width, " + driver.getCurrentUrl() + "] " + violation);
            }
        }
        driver.manage().window().setSize(LAPTOP);
        assertThat(problems).as("axe-core WCAG 2.1 AA violations on the %s page:%n%s", name, String.join("\n\n", problems))
                .isEmpty();
    }

    /**
     * A full-page PNG through the DevTools protocol (a WebDriver screenshot stops at the viewport), and for a
     * long page also slices of it, small enough to look at; none in CI.
     */
    void screenshot(String name) {
        if (!TAKE_SCREENSHOTS) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            long width = ((Number) js("return window.innerWidth;")).longValue();
            long height = Math.min(((Number) js("return document.documentElement.scrollHeight;")).longValue(), 12000);
            Files.write(SCREENSHOTS.resolve(name + ".png"), capture(0, width, height));
            long slice = 1200;
            for (int part = 1; height > 1600 && (part - 1) * slice < height; part++) {
                long top = (part - 1) * slice;
                Files.write(SCREENSHOTS.resolve(name + ".part" + part + ".png"), capture(top, width, Math.min(slice, height - top)));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private byte[] capture(long top, long width, long height) {
        Map<String, Object> shot = ((ChromeDriver) driver).executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", top, "width", width, "height", height, "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    // ---- no leak ---------------------------------------------------------------------------------------

    /** Distinctive sentences of the seed's solutions, rubric and review wording: none may reach a student before release. */
    static final List<String> SEED_SECRETS = List.of(
            "could also indicate underfitting",
            "neither ReLU nor Sigmoid is zero-centered",
            "one fourth (not one",
            "accurately describes both the computation method",
            "Batch norm normalizes across the batch dimension",
            "we accepted either answer here",
            "AdaGrad, the update rule divides",
            "neither increases nor decreases over time",
            "it has 1 conv with stride 4",
            "Identifies that Network 2 has a single convolution",
            "receptive fields do not cover it",
            "regions of the input image that contribute",
            "Correct option",
            "Key:",
            "\"correct\"",
            "data-correct",
            "data-key");

    void assertNoSolutionsInPage(String page) {
        String source = driver.getPageSource();
        assertThat(SEED_SECRETS).as("solution text or keys in the %s page before release", page)
                .noneMatch(source::contains);
    }
}
