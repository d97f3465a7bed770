package org.quizdesk.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.quizdesk.browser.ChromiumAvailable;

/**
 * The packaged jar is killed with kill -9 while a student is answering in Chromium and started again on the same
 * port: the open quiz page goes on, without signing in again (sessions live in the database), and every answer,
 * also those typed while the server was down, is in the database after the student submits.
 */
@ExtendWith(ChromiumAvailable.class)
class QuizPageRestartIT {

    @TempDir
    Path workDir;

    @Test
    void aStudentAnswersThroughAKillNineAndARestartWithoutSigningInAgainAndEveryAnswerIsStored() throws Exception {
        copyQuizzes();
        Path profile = Files.createTempDirectory("quizdesk-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(ChromiumAvailable.CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumAvailable.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--no-first-run", "--disable-extensions", "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
        long attemptId;
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process app = startJar(port);
            try {
                String base = "http://127.0.0.1:" + port;
                driver.get(base + "/signin");
                driver.findElement(By.id("username")).sendKeys("student1");
                driver.findElement(By.id("password")).sendKeys("quizdesk");
                driver.findElement(By.cssSelector("main form button[type=submit]")).click();
                waitUntil(driver, "the quiz list", d -> d.getCurrentUrl().endsWith("/quizzes"));
                driver.findElement(By.linkText("Start")).click();
                waitUntil(driver, "the honor-code page", d -> d.getCurrentUrl().endsWith("/quizzes/cse493g1-au24-quiz2"));
                driver.findElement(By.id("agree")).click();
                driver.findElement(By.id("signature")).sendKeys("Ada Lovelace");
                driver.findElement(By.cssSelector("main form button[type=submit]")).click();
                waitUntil(driver, "the quiz page", d -> d.getCurrentUrl().matches(".*/attempts/\\d+$"));
                attemptId = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/attempts/(\\d+)$", "$1"));

                answer(driver, By.cssSelector("label[for='a-1.1-true']")).click();
                answer(driver, By.id("a-3.1.2")).sendKeys("4 x 7");
                waitUntil(driver, "the answers saved", d -> status(d).startsWith("Saved at"));
            } finally {
                kill(app);
            }

            // the server is gone: the student keeps answering
            answer(driver, By.cssSelector("label[for='a-1.2-true']")).click();
            answer(driver, By.id("a-3.1.4")).sendKeys("typed while the server was down");
            waitUntil(driver, "the page to say it is offline", d -> status(d).startsWith("Offline"));

            app = startJar(port);
            try {
                waitUntil(driver, "the answers typed meanwhile saved after the restart", Duration.ofSeconds(60),
                        d -> status(d).startsWith("Saved at"));
                assertThat(js(driver, "return document.getElementById('signin-dialog').open;"))
                        .as("the sign-in dialog (the session should have survived the restart)").isEqualTo(false);
                answer(driver, By.id("a-3.1.1")).sendKeys("4 x 4 x 5");
                waitUntil(driver, "the last answer saved", d -> status(d).startsWith("Saved at")
                        && String.valueOf(js(d, "return localStorage.getItem('quizdesk.attempt." + attemptId + "');")).equals("null"));

                driver.findElement(By.xpath("//button[contains(., 'Review and submit')]")).click();
                waitUntil(driver, "the confirmation", d -> d.getCurrentUrl().endsWith("/attempts/" + attemptId + "/submit"));
                driver.findElement(By.cssSelector("#submit-form button[type=submit]")).click();
                waitUntil(driver, "the review", d -> d.getCurrentUrl().endsWith("/attempts/" + attemptId + "/review"));
            } finally {
                kill(app);
            }
        } finally {
            driver.quit();
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        assertThat(query("select answers from attempt where id = " + attemptId))
                .contains("\"1.1\":true", "\"1.2\":true", "\"3.1.1\":\"4 x 4 x 5\"", "\"3.1.2\":\"4 x 7\"",
                        "\"3.1.4\":\"typed while the server was down\"");
        assertThat(query("select submitted_by from attempt where id = " + attemptId)).isEqualTo("STUDENT");
    }

    /** The question's control, scrolled to the middle of the window so the sticky time bar does not cover it. */
    private static WebElement answer(WebDriver driver, By control) {
        WebElement element = driver.findElement(control);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    /**
     * The packaged jar in workDir on a given port, as {@link PackagedApp} starts it (which picks a new port each
     * time): the open page expects the restarted server where the old one was.
     */
    private Process startJar(int port) throws Exception {
        List<String> command = new ArrayList<>(ClassDataArchive.javaCommand(PackagedApp.DURABILITY_JVM));
        command.addAll(List.of("--server.port=" + port, "--quizdesk.accounts.instructor-password=durability-test",
                "--spring.profiles.active=demo"));
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("app-" + port + ".log").toFile()))
                .start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(10)).build();
        long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited: " + Files.readString(workDir.resolve("app-" + port + ".log")));
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        kill(process);
        throw new IllegalStateException("the app did not start in 180 s");
    }

    /** kill -9: no shutdown hook, no flush. */
    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private static String status(WebDriver driver) {
        return driver.findElement(By.id("save-status")).getText();
    }

    private static Object js(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static void waitUntil(WebDriver driver, String what, Predicate<WebDriver> condition) {
        waitUntil(driver, what, Duration.ofSeconds(20), condition);
    }

    private static void waitUntil(WebDriver driver, String what, Duration timeout, Predicate<WebDriver> condition) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(200))
                .withMessage(() -> "waiting for " + what + "; the page " + driver.getCurrentUrl() + " says: "
                        + driver.findElement(By.tagName("body")).getText())
                .until(condition::test);
    }

    private void copyQuizzes() throws Exception {
        Files.createDirectories(workDir.resolve("quizzes"));
        try (var files = Files.list(Path.of("quizzes"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, workDir.resolve("quizzes").resolve(file.getFileName()));
            }
        }
    }

    /** Reads the database file directly, after the process is gone. */
    private String query(String sql) throws Exception {
        String url = "jdbc:h2:file:" + workDir.resolve("data/quizdesk").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }
}
