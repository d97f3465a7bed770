package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.ProctorActionRefused;
import org.quizdesk.attempt.ProctorActions;
import org.quizdesk.proctor.Announcement;
import org.quizdesk.proctor.QuizRooms;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Exam day from the student's page: the proctor extends everyone's time and posts an announcement, and the open page
 * changes without a reload within ten seconds (its poll answered 304 until then); the announcement is announced
 * politely, kept until dismissed, and stays dismissed on this device; a pause stops the countdown. The staff side
 * acts through ProctorActions, which the staff pages call (tested over HTTP in ProctorActionsTest).
 */
class ProctorBrowserTest extends BrowserTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Autowired
    ProctorActions proctor;

    @Autowired
    QuizRooms rooms;

    long instructorId;

    @AfterEach
    void quietRoom() {
        try {
            proctor.resume(SEED_QUIZ, null, instructorId());
        } catch (ProctorActionRefused notPaused) {
            // as it should be
        }
        for (Announcement announcement : rooms.announcements(SEED_QUIZ)) {
            if (!announcement.withdrawn()) {
                proctor.withdraw(SEED_QUIZ, announcement.id(), instructorId());
            }
        }
    }

    @Test
    void theProctorExtendsEveryonesTimeAndAnnouncesAndTheOpenPageChangesWithinTenSeconds() {
        Student student = newStudent("proctored");
        startSeedQuiz(student);
        int before = timerSeconds();

        long acted = System.nanoTime();
        proctor.extendAll(SEED_QUIZ, 10, "Projector failed for ten minutes", instructorId());
        proctor.announce(SEED_QUIZ, "In **2.1**, read *bias* as *weights*.", instructorId());

        String extended = text("js.timeExtended", 10);
        waitUntil("the extension notice", TEN_SECONDS, d -> bodyText().contains(extended));
        waitUntil("the announcement", TEN_SECONDS, d -> !d.findElements(By.cssSelector("[data-announcement-id] em")).isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - acted)).isLessThan(TEN_SECONDS);
        assertThat(timerSeconds()).isGreaterThan(before + 9 * 60);
        WebElement region = driver.findElement(By.id("live-notices"));
        assertThat(region.getAttribute("role")).isEqualTo("status");
        assertThat(region.getText()).contains("In 2.1, read bias as weights.", text("js.announcement", "").strip());
        assertThat(driver.getCurrentUrl()).matches(".*/attempts/\\d+$");

        checkPage("proctor-announcement");
        shots("student-announcement");

        // dismissed: gone, and still gone after a reload on this device
        region.findElement(By.cssSelector("[data-announcement-id] button")).click();
        waitUntil("the announcement dismissed", d -> d.findElements(By.cssSelector("[data-announcement-id]")).isEmpty());
        driver.navigate().refresh();
        waitForQuizScript();
        pause(Duration.ofSeconds(2));
        assertThat(driver.findElements(By.cssSelector("[data-announcement-id]"))).isEmpty();
    }

    @Test
    void aPauseStopsTheCountdownAndSaysWhyAndTheResumeLetsItRunAgain() {
        Student student = newStudent("paused");
        startSeedQuiz(student);
        proctor.pause(SEED_QUIZ, "Network outage in the hall", instructorId());
        waitUntil("the pause notice", TEN_SECONDS, d -> bodyText().contains(text("js.paused")));
        int stopped = timerSeconds();
        pause(Duration.ofSeconds(2));
        assertThat(timerSeconds()).isEqualTo(stopped);
        assertThat(driver.findElement(By.id("timer")).getAttribute("class")).contains("is-paused");
        shots("student-paused");

        proctor.resume(SEED_QUIZ, null, instructorId());
        waitUntil("the resume notice", TEN_SECONDS, d -> bodyText().contains(text("js.resumed")));
        assertThat(bodyText()).doesNotContain(text("js.paused"));
        int running = timerSeconds();
        waitUntil("the countdown to run again", d -> timerSeconds() < running);
    }

    @Test
    void theStaffPagesShowTheProctorsFormsAndWhatWasDone() {
        Student student = newStudent("watched");
        long attemptId = startSeedQuiz(student);
        proctor.announce(SEED_QUIZ, "Bring your student card to the front when you submit.", instructorId());
        proctor.extend(attemptId, 5, "Arrived late: bus", instructorId());
        driver.manage().deleteAllCookies();
        signInAsStaff();
        open("/admin/quizzes/" + SEED_QUIZ + "/actions");
        assertThat(bodyText()).contains("Extend everyone's time", "Pause the clock", "Close the quiz now", "Bring your student card");
        shots("staff-actions");
        open("/admin/attempts/" + attemptId + "#proctor");
        assertThat(bodyText()).contains("Extend this student's time", "Arrived late: bus");
        shots("staff-attempt");
    }

    private long instructorId() {
        if (instructorId == 0) {
            instructorId = accounts.findByUsername("proctor-instructor")
                    .orElseGet(() -> accounts.create("proctor-instructor", "Pat Proctor", null, null, Role.INSTRUCTOR, PASSWORD))
                    .id();
        }
        return instructorId;
    }

    private void signInAsStaff() {
        instructorId();
        open("/signin");
        driver.findElement(By.id("username")).sendKeys("proctor-instructor");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil("the staff panel", d -> d.getCurrentUrl().endsWith("/admin"));
    }

    /** Screenshots at 1366 and 390 px wide, to look at (none in CI). */
    private void shots(String name) {
        if (!TAKE_SCREENSHOTS) {
            return;
        }
        for (Dimension size : new Dimension[] {new Dimension(1366, 900), PHONE}) {
            driver.manage().window().setSize(size);
            pause(Duration.ofMillis(400));
            screenshot("proctor-" + name + "-" + size.width);
        }
        driver.manage().window().setSize(LAPTOP);
    }
}
