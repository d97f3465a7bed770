package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AccessRequest;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.ControlRoom;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The proctor's control room in Chromium: a student's save (through the service, as the answers API does it) shows in
 * the row without a reload within ten seconds, a new start changes the counts and only that is announced; axe-core
 * finds nothing at laptop and phone width. Screenshots at 1366, 768 and 390 px go to target/screenshots
 * (not in CI).
 */
class ControlRoomBrowserTest extends BrowserTest {

    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String SAFARI = "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    @Autowired AttemptService attempts;
    @Autowired ControlRoom controlRoom;

    @Test
    void aSaveShowsInTheRowWithoutAReloadAndOnlyCountChangesAreAnnounced() {
        String prefix = "room" + System.nanoTime() % 100_000;
        Student working = newStudent(prefix + "w");
        Student flagged = newStudent(prefix + "f");
        Student done = newStudent(prefix + "d");
        Student waiting = newStudent(prefix + "n");
        newStudent(prefix + "n");
        long workingId = attempts.start(SEED_QUIZ, working.accountId(), working.fullName(), null, from("192.0.2.10", CHROME)).getId();
        long flaggedId = attempts.start(SEED_QUIZ, flagged.accountId(), flagged.fullName(), null, from("192.0.2.11", CHROME)).getId();
        attempts.autosave(flaggedId, flagged.accountId(), "{\"1.1\": true, \"1.2\": false}", from("198.51.100.7", SAFARI));
        long doneId = attempts.start(SEED_QUIZ, done.accountId(), done.fullName(), null, from("192.0.2.12", CHROME)).getId();
        attempts.submit(doneId, done.accountId(), "{\"1.1\": true}", from("192.0.2.12", CHROME));

        signInAsStaff();
        open("/admin/quizzes/" + SEED_QUIZ + "/live?q=" + prefix);
        assertThat(row(working)).contains(text("admin.live.status.IN_PROGRESS"), "192.0.2.10", "Chrome 131 on Windows");
        assertThat(row(flagged)).contains(text("admin.live.flag.address", "198.51.100.7"));
        assertThat(row(done)).contains(text("admin.live.by.STUDENT"));
        assertThat(row(waiting)).contains(text("admin.live.status.NOT_STARTED"));
        assertThat(answered(working)).isEqualTo("0");
        String leftBefore = driver.findElement(By.cssSelector("#student-" + working.username() + " [data-left]")).getText();
        js("window.stillTheSamePage = true;");

        attempts.autosave(workingId, working.accountId(), "{\"1.1\": true, \"1.2\": true, \"2.1\": [\"A\"]}", from("192.0.2.10", CHROME));
        waitUntil("the row to show three answers without a reload", Duration.ofSeconds(10), d -> "3".equals(answered(working)));
        assertThat(js("return window.stillTheSamePage === true;")).isEqualTo(true);
        assertThat(announced()).as("a save changes no count: nothing is announced").isEmpty();
        waitUntil("time left to count down in the page", d -> !leftBefore.equals(
                d.findElement(By.cssSelector("#student-" + working.username() + " [data-left]")).getText()));

        attempts.start(SEED_QUIZ, waiting.accountId(), waiting.fullName(), null, from("192.0.2.13", CHROME));
        ControlRoom.Counts counts = controlRoom.counts(SEED_QUIZ);
        String summary = text("admin.live.summary", counts.notStarted(), counts.inProgress(), counts.submitted(), counts.timeRanOut());
        waitUntil("the new counts to be announced", Duration.ofSeconds(10), d -> summary.equals(announced()));
        assertThat(js("return window.stillTheSamePage === true;")).isEqualTo(true);

        checkPage("staff-live");
        if (TAKE_SCREENSHOTS) {
            for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(768, 1024), new Dimension(390, 844))) {
                driver.manage().window().setSize(size);
                pause(Duration.ofMillis(500));
                screenshot("staff-live-" + size.width);
            }
        }
        driver.manage().window().setSize(LAPTOP);

        // the evidence on the attempt page, linked from the row
        driver.findElement(By.linkText(flagged.fullName())).click();
        waitForLoad();
        assertThat(bodyText()).contains(text("admin.evidence.title"), text("admin.evidence.kind.ADDRESS_CHANGED"), "192.0.2.11 -> 198.51.100.7");
        checkPage("staff-attempt-evidence");
    }

    private String row(Student student) {
        return driver.findElement(By.id("student-" + student.username())).getText();
    }

    private String answered(Student student) {
        return driver.findElement(By.cssSelector("#student-" + student.username() + " td:nth-child(5)")).getText().strip();
    }

    private String announced() {
        return driver.findElement(By.id("live-announce")).getAttribute("textContent").strip();
    }

    private void signInAsStaff() {
        String username = "proctor" + System.nanoTime();
        accounts.create(username, "Proctor Pat", null, null, Role.TA, PASSWORD);
        open("/signin");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil("the staff page after sign-in", d -> d.getCurrentUrl().endsWith("/admin"));
    }

    private static AccessRequest from(String address, String userAgent) {
        return new AccessRequest(address, "http://localhost/", null, null, userAgent);
    }
}
