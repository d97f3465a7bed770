package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.SubmittedBy;
import org.quizdesk.attempt.internal.Attempt;
import org.springframework.beans.factory.annotation.Autowired;

/** A student's whole journey through the seed quiz, with axe-core and screenshots on every page on the way. */
class StudentJourneyBrowserTest extends BrowserTest {

    @Autowired
    AttemptService attempts;

    @Test
    void signInTakeTheQuizReloadSubmitAndSeeTheReleasedReview() {
        Student student = newStudent("journey");

        open("/signin");
        checkPage("signin");
        signIn(student);
        assertThat(bodyText()).contains("Deep Learning", "Not started");
        checkPage("list-not-started");

        driver.findElement(By.linkText("Start")).click();
        waitUntil("the honor-code page", d -> d.getCurrentUrl().endsWith("/quizzes/" + SEED_QUIZ));
        assertThat(bodyText()).contains("Student Conduct Code", "30 minutes");
        checkPage("honor-code");
        driver.findElement(By.id("agree")).click();
        driver.findElement(By.id("signature")).sendKeys(student.fullName());
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil("the quiz page", d -> d.getCurrentUrl().matches(".*/attempts/\\d+$"));
        waitForQuizScript();
        long attemptId = attemptIdFromUrl();

        // math rendered by KaTeX, served by this app
        waitUntil("KaTeX to render the math", d -> !d.findElements(By.cssSelector(".katex")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#q-1\\.3 .katex"))).as("the math in question 1.3").isNotEmpty();
        assertThat(bodyText()).doesNotContain("$W \\times H");
        // the deadline is shown in the student's own zone (the browser runs in Los Angeles, the server in UTC)
        assertThat(driver.findElement(By.cssSelector(".lead time")).getText()).containsPattern("P[DS]T|GMT-[78]");
        assertThat(timerSeconds()).isBetween(29 * 60, 30 * 60);
        assertNoSolutionsInPage("quiz");
        checkPage("quiz");

        // answer three kinds of question and watch autosave happen
        driver.findElement(By.cssSelector("label[for='a-1.1-false']")).click();
        driver.findElement(By.cssSelector("label[for='a-2.1-A']")).click();
        driver.findElement(By.cssSelector("label[for='a-2.1-C']")).click();
        driver.findElement(By.id("a-3.1.1")).sendKeys("4 x 4 x 5");
        waitUntil("the saved answers", d -> attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers().contains("3.1.1"));
        waitForSaved();
        assertThat(attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers())
                .contains("\"1.1\":false", "\"2.1\":[\"A\",\"C\"]", "\"3.1.1\":\"4 x 4 x 5\"");

        // reload mid-quiz: the answers and the remaining time are intact
        int before = timerSeconds();
        driver.navigate().refresh();
        waitForQuizScript();
        assertThat(driver.findElement(By.id("a-1.1-false")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("a-1.1-true")).isSelected()).isFalse();
        assertThat(driver.findElement(By.id("a-2.1-A")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("a-2.1-B")).isSelected()).isFalse();
        assertThat(driver.findElement(By.id("a-2.1-C")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("a-3.1.1")).getAttribute("value")).isEqualTo("4 x 4 x 5");
        assertThat(timerSeconds()).as("seconds left after the reload, against %s before", before).isBetween(before - 5, before);

        // the list shows the attempt in progress
        open("/quizzes");
        assertThat(bodyText()).contains("In progress", "Continue");
        checkPage("list-in-progress");
        driver.findElement(By.linkText("Continue")).click();
        waitForQuizScript();

        // the confirmation lists exactly the unanswered questions
        driver.findElement(By.xpath("//button[contains(., 'Review and submit')]")).click();
        waitUntil("the confirmation", d -> d.getCurrentUrl().endsWith("/attempts/" + attemptId + "/submit"));
        List<String> unanswered = driver.findElements(By.cssSelector(".unanswered a")).stream().map(WebElement::getText).toList();
        assertThat(unanswered).containsExactly("Question 1.2", "Question 1.3", "Question 1.4", "Question 2.2",
                "Question 3.1.2", "Question 3.1.3", "Question 3.1.4");
        assertThat(bodyText()).contains("7 questions are unanswered");
        assertNoSolutionsInPage("confirm");
        checkPage("confirm");

        driver.findElement(By.xpath("//button[contains(., 'Submit now')]")).click();
        waitUntil("the review", d -> d.getCurrentUrl().endsWith("/attempts/" + attemptId + "/review"));
        Attempt submitted = attempts.find(attemptId, student.accountId()).orElseThrow();
        assertThat(submitted.isSubmitted()).isTrue();
        assertThat(submitted.getSubmittedBy()).isEqualTo(SubmittedBy.STUDENT);
        assertThat(bodyText()).contains("Submitted", "Scores are not released yet").doesNotContain("Score:");
        assertNoSolutionsInPage("review before release");
        checkPage("review-before-release");
        open("/quizzes");
        assertThat(bodyText()).contains("Submitted");
        checkPage("list-submitted");

        // course staff release scores and solutions
        changeSeedSettings(s -> {
            s.setScoresReleased(true);
            s.setSolutionsReleased(true);
        });
        open("/attempts/" + attemptId + "/review");
        waitUntil("KaTeX on the review", d -> !d.findElements(By.cssSelector(".katex")).isEmpty());
        String review = bodyText();
        // 1.1 right (1), 2.1 right (4), 3.1.1 right (2); 3.1.4 waits for a grader
        assertThat(review).contains("Score:", "7.00 / 20", "Provisional");
        assertThat(driver.findElement(By.cssSelector("#q-1\\.1 .score-pill")).getText()).isEqualTo("1.00 / 1");
        assertThat(driver.findElement(By.cssSelector("#q-1\\.2 .score-pill")).getText()).isEqualTo("0.00 / 1");
        assertThat(driver.findElements(By.cssSelector("#q-1\\.2 .reasons li"))).as("reasons for 1.2").isNotEmpty();
        assertThat(driver.findElement(By.id("q-1.2")).getText()).contains("Key:");
        assertThat(review).contains("could also indicate underfitting", "it has 1 conv with stride 4");
        assertThat(driver.findElement(By.id("q-3.1.1")).getText()).contains("4 x 4 x 5");
        checkPage("review-released");
        open("/quizzes");
        assertThat(bodyText()).contains("7.00 / 20");
        checkPage("list-released");

        // an address that is not there, as the student sees it
        open("/attempts/987654321");
        assertThat(bodyText()).contains("Not found", "There is no such attempt for your account.");
        assertThat(driver.findElements(By.cssSelector(".flash"))).as("no green \"saved\" box and no raw \"Not Found\" on the error page")
                .isEmpty();
        checkPage("error");
    }
}
