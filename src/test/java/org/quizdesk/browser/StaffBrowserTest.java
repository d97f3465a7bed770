package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.springframework.beans.factory.annotation.Autowired;

/** Course staff in a real browser: an instructor grades 3.1.4 from the queue and releases scores; a TA downloads the CSV. */
class StaffBrowserTest extends BrowserTest {

    static final String XSS = "<img src=x onerror=\"document.body.dataset.pwned=1\"> stride 4 hides image B";

    @Autowired AttemptService attempts;

    @Test
    void anInstructorGradesFromTheQueueByKeyboardAndReleasesScores() {
        Submitted first = submitted("graded", XSS);
        submitted("graded", "Network 2 uses one convolution with stride 4");
        String instructor = staff("prof", Role.INSTRUCTOR);

        signInAs(instructor);
        open("/admin");
        checkPage("staff-home");
        clickToLoad(driver.findElement(By.linkText("Grade by hand")));
        checkPage("staff-queues");
        int gradedBefore = graded();
        driver.findElement(By.linkText("Grade next answer")).click();
        waitUntil("the grading page", d -> !d.findElements(By.id("grade-form")).isEmpty());
        checkPage("staff-grade");

        // the queue's next answer: rubric items 1 and 2 by their number keys, Ctrl+Enter saves and moves on
        String shown = driver.findElement(By.cssSelector("main")).getText();
        gradeByKeys("1", "2");
        waitUntil("the next answer", d -> !shown.equals(d.findElement(By.cssSelector("main")).getText()));
        open("/admin/quizzes/" + SEED_QUIZ + "/grading");
        assertThat(graded()).isEqualTo(gradedBefore + 1);

        // the XSS answer, shown as text and graded by keyboard
        open("/admin/quizzes/" + SEED_QUIZ + "/grading/3.1.4/" + first.attemptId());
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("<img src=x onerror=");
        assertThat(js("return document.body.dataset.pwned || null;")).isNull();
        assertThat(driver.findElements(By.cssSelector("main img[src='x']"))).isEmpty();
        gradeByKeys("1", "3");

        open("/admin/quizzes/" + SEED_QUIZ + "/settings");
        checkPage("staff-settings");
        // another browser test in this context may have released scores already: tick the box, never untick it
        var releaseScores = driver.findElement(By.cssSelector("input[type=checkbox][name=scores]"));
        if (!releaseScores.isSelected()) {
            releaseScores.click();
        }
        clickToLoad(driver.findElement(By.xpath("//button[normalize-space()='Save releases']")));
        assertThat(seedSettings().isScoresReleased()).isTrue();

        driver.manage().deleteAllCookies();
        signIn(first.student());
        assertThat(bodyText()).contains("Score released");
        clickToLoad(driver.findElement(By.linkText("Review")));
        assertThat(bodyText()).contains("8.50 / 20").contains("1.50 / 2").contains("<img src=x onerror=");
    }

    private void gradeByKeys(String... rubricKeys) {
        WebElement body = driver.findElement(By.tagName("body"));
        for (String key : rubricKeys) {
            new Actions(driver).sendKeys(body, key).perform();
        }
        waitUntil("the live score to read 1.5", d -> d.findElement(By.id("grade-score")).getText().equals("1.5"));
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        waitForNextPage(body);
    }

    @Test
    void aTaDownloadsTheResultsCsv() throws Exception {
        Student student = submitted("exported", "=HYPERLINK(\"http://evil\") stride").student();
        String ta = staff("ta", Role.TA);

        signInAs(ta);
        open("/admin");
        assertThat(driver.findElements(By.linkText("Settings and releases"))).as("TAs do not change settings").isEmpty();
        driver.findElement(By.linkText("Results CSV")).click();

        Path csv = awaitDownload(".csv");
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
            Map<String, CSVRecord> byNetId = rows.stream().collect(Collectors.toMap(r -> r.get(0), r -> r));
            assertThat(byNetId).containsKey(student.username());
            CSVRecord row = byNetId.get(student.username());
            assertThat(row.toMap()).containsKeys("3.1.1", "3.1.4");
            assertThat(row.toMap().values()).noneMatch(cell -> cell.startsWith("="));
        }
    }

    /** The "N / M graded" progress of the page. */
    private int graded() {
        Matcher progress = Pattern.compile("(\\d+) / \\d+ graded").matcher(bodyText());
        assertThat(progress.find()).as("a grading progress on the page").isTrue();
        return Integer.parseInt(progress.group(1));
    }

    record Submitted(Student student, long attemptId) {
    }

    private Submitted submitted(String prefix, String essay) {
        Student student = newStudent(prefix);
        long attemptId = attempts.start(SEED_QUIZ, student.accountId(), student.fullName()).getId();
        String answers = "{\"1.1\": false, \"2.1\": [\"A\", \"C\"], \"3.1.1\": \"4x4x5\", \"3.1.4\": "
                + "\"" + essay.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        attempts.submit(attemptId, student.accountId(), answers);
        return new Submitted(student, attemptId);
    }

    private Path awaitDownload(String suffix) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(f -> f.toString().endsWith(suffix)).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + suffix + " file was downloaded into " + downloads);
    }
}
