package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.StudentVersion;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A student takes the example quiz with a pool (quizzes/shuffle-example.yaml, pool 2.4): they answer the alternative
 * they drew, the review shows it alone with its score; a TA previews that student's version with its key.
 */
class PoolQuizBrowserTest extends BrowserTest {

    static final String QUIZ = "shuffle-example";

    @Autowired
    AttemptService attempts;

    @Autowired
    QuizCatalog catalog;

    @AfterEach
    void nothingReleased() {
        QuizSettingsRow quiz = quizSettings.findById(QUIZ).orElseThrow();
        quiz.setScoresReleased(false);
        quiz.setSolutionsReleased(false);
        quizSettings.save(quiz);
    }

    @Test
    void aStudentAnswersTheAlternativeTheyDrewTheReviewShowsItAndStaffPreviewTheirVersion() {
        Student student = newStudent("pooled");
        long attemptId = startQuiz(student, QUIZ);
        long seed = attempts.find(attemptId, student.accountId()).orElseThrow().getVersionSeed();
        StudentVersion version = StudentVersion.of(catalog.currentOrThrow(QUIZ).quiz(), seed);
        String drawn = version.has("2.4a") ? "2.4a" : "2.4b";
        String other = drawn.equals("2.4a") ? "2.4b" : "2.4a";

        assertThat(driver.findElements(By.id("q-" + drawn))).hasSize(1);
        assertThat(driver.findElements(By.id("q-" + other))).isEmpty();
        driver.findElement(By.id("a-" + drawn)).sendKeys(drawn.equals("2.4a") ? "10" : "9");
        waitUntil("the saved answer", d -> attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers()
                .contains("\"" + drawn + "\":"));
        waitForSaved();

        submitFromQuizPage(attemptId);

        QuizSettingsRow quiz = quizSettings.findById(QUIZ).orElseThrow();
        quiz.setScoresReleased(true);
        quiz.setSolutionsReleased(true);
        quizSettings.save(quiz);
        open("/attempts/" + attemptId + "/review");
        assertThat(driver.findElement(By.cssSelector("#q-" + drawn.replace(".", "\\.") + " .score-pill")).getText())
                .isEqualTo(text("points.outOf", "2.00", 2));
        assertThat(driver.findElements(By.id("q-" + other))).isEmpty();
        assertThat(driver.findElement(By.cssSelector(".total strong")).getText()).endsWith("/ 11");
        checkPage("pool-review");

        driver.manage().deleteAllCookies();
        String ta = "poolta" + System.nanoTime();
        accounts.create(ta, "Staff Pool", null, null, Role.TA, PASSWORD);
        open("/signin");
        driver.findElement(By.id("username")).sendKeys(ta);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil("the staff page after sign-in", d -> d.getCurrentUrl().endsWith("/admin"));

        open("/admin/quizzes/" + QUIZ + "/preview");
        driver.findElement(By.id("preview-student")).sendKeys(student.username());
        driver.findElement(By.id("preview-student")).submit();
        waitUntil("the student's version", d -> d.getCurrentUrl().contains("student="));
        assertThat(driver.findElements(By.id("q-" + drawn))).hasSize(1);
        assertThat(driver.findElements(By.id("q-" + other))).isEmpty();
        assertThat(driver.findElement(By.id("key-" + drawn)).getText()).contains(drawn.equals("2.4a") ? "10" : "9");
        assertThat(driver.findElement(By.id("a-" + drawn)).getAttribute("readonly")).isNotNull();
        checkPage("pool-preview");
    }
}
