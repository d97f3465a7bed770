package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.SubmittedBy;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.QuestionScoreRepository;
import org.springframework.beans.factory.annotation.Autowired;

/** When time runs out: the open page submits by itself, and the server submits for a student who left. */
class TimeRunsOutBrowserTest extends BrowserTest {

    @Autowired
    AttemptService attempts;

    @Autowired
    QuestionScoreRepository scores;

    @Test
    void theOpenPageSubmitsByItselfWhenTimeRunsOutAndShowsTheReview() {
        changeSeedSettings(s -> s.setTimeLimitSeconds(20));
        Student student = newStudent("timer");
        long attemptId = startSeedQuiz(student);

        assertThat(timerSeconds()).isBetween(1, 20);
        // under a minute from the start: the urgent style, and the warning that screen readers announce
        assertThat(driver.findElement(By.id("timer")).getAttribute("class")).contains("is-urgent");
        waitUntil("the one-minute announcement", d -> d.findElement(By.id("announcer")).getText().contains("1 minute left"));
        assertThat(driver.findElement(By.id("announcer")).getAttribute("aria-live")).isEqualTo("assertive");

        driver.findElement(By.cssSelector("label[for='a-1.4-true']")).click();
        waitUntil("the answer saved", d -> attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers().contains("\"1.4\":true"));

        waitUntil("the page to submit by itself and show the review", Duration.ofSeconds(45),
                d -> d.getCurrentUrl().endsWith("/attempts/" + attemptId + "/review"));
        waitForLoad();
        assertThat(bodyText()).contains("Submitted", "Scores are not released yet");
        Attempt attempt = attempts.find(attemptId, student.accountId()).orElseThrow();
        assertThat(attempt.isSubmitted()).isTrue();
        assertThat(attempt.getSubmittedAt()).isBeforeOrEqualTo(attempt.getDeadline().plus(Duration.ofSeconds(30)));
        assertThat(attempt.getTotal()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(scores.findByAttemptId(attemptId)).hasSize(10);
    }

    @Test
    void theServerSubmitsTheSavedAnswersOfAStudentWhoNeverComesBack() {
        Student student = newStudent("gone");
        long attemptId = startSeedQuiz(student);
        driver.findElement(By.cssSelector("label[for='a-1.1-false']")).click();
        driver.findElement(By.cssSelector("label[for='a-2.2-A']")).click();
        waitUntil("the answers saved", d -> attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers()
                .contains("\"2.2\":[\"A\"]"));
        waitForSaved();
        driver.get("about:blank"); // the laptop lid closes; nothing more comes from this student

        attempts.submitExpiredAttempts();
        assertThat(attempts.find(attemptId, student.accountId()).orElseThrow().isSubmitted())
                .as("submitted before its deadline").isFalse();

        clock.advance(Duration.ofMinutes(30).plusSeconds(31)); // past the deadline and the 30 s grace
        attempts.submitExpiredAttempts();

        Attempt attempt = attempts.find(attemptId, student.accountId()).orElseThrow();
        assertThat(attempt.isSubmitted()).isTrue();
        assertThat(attempt.getSubmittedBy()).isEqualTo(SubmittedBy.DEADLINE);
        // 1.1 right (1); 2.2 A chosen, C missed: one error of 2 points off 4 (B is "either" and counts for nothing)
        assertThat(attempt.getTotal()).isEqualByComparingTo("3");
        assertThat(attempt.getPendingCount()).isEqualTo(1);

        // later the student comes back: the quiz page leads to the review, which says what happened
        open("/quizzes");
        assertThat(bodyText()).contains("Submitted").doesNotContain("Continue");
        open("/attempts/" + attemptId);
        waitUntil("the review", d -> d.getCurrentUrl().endsWith("/attempts/" + attemptId + "/review"));
        assertThat(bodyText()).contains("time ran out, so your saved answers were submitted for you");
        assertNoSolutionsInPage("review after the deadline");
        checkPage("review-after-deadline");
    }
}
