package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.SubmittedBy;
import org.quizdesk.attempt.internal.Attempt;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A busy or failing server (or a proxy in front of it during a deploy) answers with an error: the page keeps the
 * answers, waits as long as the server asks, and the final submission ends only when the server confirms it.
 */
class SubmitRetryBrowserTest extends BrowserTest {

    @Autowired
    AttemptService attempts;

    @Test
    void theSubmitAtTheDeadlineMeetsTwo503sThenA200AndEveryAnswerArrives() {
        changeSeedSettings(s -> s.setTimeLimitSeconds(15));
        Student student = newStudent("busy");
        long attemptId = startSeedQuiz(student);
        // from here on autosaves are turned away too, so what follows reaches the server only with the submission
        serverTrouble.answer("PUT", "/answers", 503, 120, Integer.MAX_VALUE);
        serverTrouble.answer("POST", "/submit", 503, 1, 2);

        driver.findElement(By.cssSelector("label[for='a-1.2-true']")).click();
        driver.findElement(By.id("a-3.1.2")).sendKeys("4 x 7");
        waitUntil("the status line to say the server is busy", d -> saveStatus().startsWith("The server is busy."));

        waitUntil("the page to say time is up and the server is busy", Duration.ofSeconds(25),
                d -> saveStatus().startsWith("Time is up. The server is busy"));
        assertThat(driver.getCurrentUrl()).as("still on the quiz after a 503").endsWith("/attempts/" + attemptId);
        waitUntil("the review once the server confirms", Duration.ofSeconds(20),
                d -> d.getCurrentUrl().endsWith("/attempts/" + attemptId + "/review"));

        List<ServerTrouble.Seen> submits = serverTrouble.requests("POST", "/attempts/" + attemptId + "/submit");
        assertThat(submits).extracting(ServerTrouble.Seen::status).containsExactly(503, 503, 0);
        for (int i = 1; i < submits.size(); i++) {
            assertThat(Duration.between(submits.get(i - 1).at(), submits.get(i).at()))
                    .as("the wait before retry %d (Retry-After: 1)", i).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
        Attempt attempt = attempts.find(attemptId, student.accountId()).orElseThrow();
        assertThat(attempt.isSubmitted()).isTrue();
        assertThat(attempt.getSubmittedBy()).isEqualTo(SubmittedBy.STUDENT);
        assertThat(attempt.getAnswers()).contains("\"1.2\":true", "\"3.1.2\":\"4 x 7\"");
        assertThat(js("return localStorage.getItem('quizdesk.attempt.' + arguments[0]);", String.valueOf(attemptId)))
                .as("the device's copy, once the server confirmed the submission").isNull();
    }

    @Test
    void answersTurnedAwayByA503ComeBackFromTheDeviceAfterAReloadAndAreSent() {
        Student student = newStudent("reload");
        long attemptId = startSeedQuiz(student);
        serverTrouble.answer("PUT", "/answers", 503, 60, 1);
        driver.findElement(By.id("a-3.1.1")).sendKeys("8 x 8 x 3");
        waitUntil("the status line to say the server is busy", d -> saveStatus().startsWith("The server is busy."));

        driver.navigate().refresh(); // the student reloads, or the tab crashed and came back
        waitForQuizScript();
        assertThat(driver.findElement(By.id("a-3.1.1")).getAttribute("value")).as("the answer from the device's copy")
                .isEqualTo("8 x 8 x 3");
        waitUntil("the device's copy to reach the server", Duration.ofSeconds(20),
                d -> attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers().contains("\"3.1.1\":\"8 x 8 x 3\""));
        waitForSaved();
        assertThat(js("return localStorage.getItem('quizdesk.attempt.' + arguments[0]);", String.valueOf(attemptId))).isNull();
    }

    @Test
    void anAutosaveTurnedAwayWith429WaitsForRetryAfterWhateverTheStudentTypesAndThenSaves() {
        Student student = newStudent("throttled");
        long attemptId = startSeedQuiz(student);
        serverTrouble.answer("PUT", "/answers", 429, 4, 1);

        WebElement field = driver.findElement(By.id("a-3.1.2"));
        field.sendKeys("4");
        waitUntil("the status line to say the server is busy", d -> saveStatus().startsWith("The server is busy."));
        assertThat(saveStatus()).contains("kept on this device", "trying again in");
        for (String more : List.of(" x", " 7", " x", " 9")) {
            pause(Duration.ofMillis(600));
            field.sendKeys(more);
        }
        waitUntil("the answers saved after the wait", Duration.ofSeconds(20),
                d -> attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers().contains("4 x 7 x 9"));

        List<ServerTrouble.Seen> saves = serverTrouble.requests("PUT", "/attempts/" + attemptId + "/answers");
        assertThat(saves.get(0).status()).isEqualTo(429);
        assertThat(Duration.between(saves.get(0).at(), saves.get(1).at()))
                .as("no save sent during the Retry-After, however much was typed").isGreaterThanOrEqualTo(Duration.ofMillis(3950));
        waitForSaved();
    }
}
