package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.StudentVersion;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A student answers a shuffled multi_select of the example quiz (quizzes/shuffle-example.yaml) in their own order
 * and letters; the answers are saved by the file's keys, and the review shows the options as the student saw them.
 */
class ShuffledQuizBrowserTest extends BrowserTest {

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
    void aStudentAnswersAShuffledQuestionInTheirLettersAndTheReviewShowsWhatTheySaw() {
        Student student = newStudent("shuffled");
        long attemptId = startQuiz(student, QUIZ);
        long seed = attempts.find(attemptId, student.accountId()).orElseThrow().getVersionSeed();
        StudentVersion version = StudentVersion.of(catalog.currentOrThrow(QUIZ).quiz(), seed);
        List<String> texts = ((MultiSelectQuestion) version.quiz().question("2.1").orElseThrow()).options().stream()
                .map(MultiSelectQuestion.Option::text).toList();

        // the page lists 2.1's options in the student's order, lettered A, B, C
        List<WebElement> labels = driver.findElements(By.cssSelector("#q-2\\.1 .choice label"));
        assertThat(labels).extracting(WebElement::getText)
                .containsExactly("A: " + texts.get(0), "B: " + texts.get(1), "C: " + texts.get(2));
        checkPage("shuffled-quiz");

        // the correct options are the file's A (Dropout) and B (Data augmentation), whatever letters they show
        driver.findElement(By.cssSelector("label[for='a-2.1-A']")).click();
        driver.findElement(By.cssSelector("label[for='a-2.1-B']")).click();
        waitUntil("the saved answers", d -> attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers()
                .contains("\"2.1\":[\"A\",\"B\"]"));
        waitForSaved();

        // a reload shows the same version
        driver.navigate().refresh();
        waitForQuizScript();
        assertThat(driver.findElements(By.cssSelector("#q-2\\.1 .choice label"))).extracting(WebElement::getText)
                .containsExactly("A: " + texts.get(0), "B: " + texts.get(1), "C: " + texts.get(2));
        assertThat(driver.findElement(By.id("a-2.1-A")).isSelected()).isTrue();

        submitFromQuizPage(attemptId);

        QuizSettingsRow quiz = quizSettings.findById(QUIZ).orElseThrow();
        quiz.setScoresReleased(true);
        quiz.setSolutionsReleased(true);
        quizSettings.save(quiz);
        open("/attempts/" + attemptId + "/review");

        WebElement question = driver.findElement(By.id("q-2.1"));
        assertThat(question.findElement(By.cssSelector(".score-pill")).getText()).isEqualTo(text("points.outOf", "2.00", 2));
        List<WebElement> options = question.findElements(By.cssSelector(".options-review li"));
        for (int i = 0; i < 3; i++) {
            String letter = String.valueOf((char) ('A' + i));
            assertThat(options.get(i).getText()).contains(letter + ": " + texts.get(i));
        }
        String dropout = version.label("2.1", "A");
        String augmentation = version.label("2.1", "B");
        assertThat(question.findElements(By.cssSelector(".options-review li.is-selected strong")))
                .extracting(WebElement::getText).containsExactlyInAnyOrder(dropout + ":", augmentation + ":");
        assertThat(question.getText()).contains(text("review.key") + " " + String.join(", ",
                List.of(dropout, augmentation).stream().sorted().toList()));
        checkPage("shuffled-review");
    }
}
