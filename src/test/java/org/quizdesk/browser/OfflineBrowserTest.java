package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.SubmittedBy;
import org.quizdesk.attempt.internal.Attempt;
import org.springframework.beans.factory.annotation.Autowired;

/** The network drops mid-quiz: answers stay in the browser, the page says so, and they reach the server when it returns. */
class OfflineBrowserTest extends BrowserTest {

    @Autowired
    AttemptService attempts;

    @Test
    void answersChangedOfflineAreKeptInTheBrowserAndSavedWhenTheNetworkReturns() {
        Student student = newStudent("offline");
        long attemptId = startSeedQuiz(student);
        driver.findElement(By.cssSelector("label[for='a-1.1-true']")).click();
        waitForSaved();

        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        HasNetworkConditions network = (HasNetworkConditions) driver;
        network.setNetworkConditions(offline);
        try {
            driver.findElement(By.cssSelector("label[for='a-1.2-true']")).click();
            driver.findElement(By.id("a-3.1.2")).sendKeys("4 x 7");
            waitUntil("the status line to say Offline", d -> saveStatus().startsWith("Offline"));
            assertThat(driver.findElement(By.id("save-status")).getAttribute("class")).contains("is-offline");

            String kept = (String) js("return localStorage.getItem('quizdesk.attempt.' + arguments[0]);", String.valueOf(attemptId));
            assertThat(kept).as("the answers kept on this device").isNotNull()
                    .contains("\"1.1\":true", "\"1.2\":true", "\"3.1.2\":\"4 x 7\"", "\"unsent\":true");
            assertThat(attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers())
                    .contains("\"1.1\":true").doesNotContain("3.1.2");
            // still offline after the next autosave tick: nothing lost, the status unchanged
            pause(Duration.ofSeconds(6));
            assertThat(saveStatus()).startsWith("Offline");
        } finally {
            network.deleteNetworkConditions();
        }

        waitUntil("the kept answers to reach the server", Duration.ofSeconds(20),
                d -> attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers().contains("3.1.2"));
        waitForSaved();
        assertThat(attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers())
                .contains("\"1.1\":true", "\"1.2\":true", "\"3.1.2\":\"4 x 7\"");
        assertThat(js("return localStorage.getItem('quizdesk.attempt.' + arguments[0]);", String.valueOf(attemptId)))
                .as("the local copy, once the server has it").isNull();
    }

    @Test
    void timeRunningOutWhileOfflineKeepsTheAnswersAndSubmitsThemWhenTheNetworkReturnsWithinTheGrace() {
        changeSeedSettings(s -> s.setTimeLimitSeconds(15));
        Student student = newStudent("lateoffline");
        long attemptId = startSeedQuiz(student);
        driver.findElement(By.cssSelector("label[for='a-1.1-true']")).click();
        waitForSaved();

        HasNetworkConditions network = (HasNetworkConditions) driver;
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        network.setNetworkConditions(offline);
        try {
            driver.findElement(By.cssSelector("label[for='a-1.2-true']")).click();
            waitUntil("the page to say time is up and it is offline", Duration.ofSeconds(25),
                    d -> saveStatus().startsWith("Time is up. You are offline"));
            pause(Duration.ofSeconds(4)); // a retry or two fail: the page stays, with the answers on this device
            assertThat(driver.getCurrentUrl()).endsWith("/attempts/" + attemptId);
            assertThat((String) js("return localStorage.getItem('quizdesk.attempt.' + arguments[0]);", String.valueOf(attemptId)))
                    .contains("\"1.2\":true");
        } finally {
            network.deleteNetworkConditions();
        }

        waitUntil("the review once the network returns", Duration.ofSeconds(20),
                d -> d.getCurrentUrl().endsWith("/attempts/" + attemptId + "/review"));
        Attempt attempt = attempts.find(attemptId, student.accountId()).orElseThrow();
        assertThat(attempt.getSubmittedBy()).as("submitted by the page, inside the grace period").isEqualTo(SubmittedBy.STUDENT);
        assertThat(attempt.getAnswers()).contains("\"1.1\":true", "\"1.2\":true");
    }
}
