package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.StudentVersion;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A student answers the example quiz's parameterised short answer (quizzes/shuffle-example.yaml, 2.3) for the
 * layer their page shows, and the review grades it on their numbers and shows them again.
 */
class ParameterizedQuizBrowserTest extends BrowserTest {

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
    void aStudentAnswersTheirOwnNumbersAndSeesThemGraded() {
        Student student = newStudent("params");
        long attemptId = startQuiz(student, QUIZ);
        long seed = attempts.find(attemptId, student.accountId()).orElseThrow().getVersionSeed();
        Map<String, String> values = StudentVersion.of(catalog.currentOrThrow(QUIZ).quiz(), seed).values("2.3");
        String layer = "from " + values.get("inputs") + " inputs to " + values.get("outputs") + " outputs";
        String answer = new BigDecimal(values.get("weights")).add(new BigDecimal(values.get("outputs"))).toPlainString();

        WebElement question = driver.findElement(By.id("q-2.3"));
        assertThat(question.getText()).contains(layer);
        question.findElement(By.id("a-2.3")).sendKeys(answer);
        waitUntil("the saved answer", d -> attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers()
                .contains("\"2.3\":\"" + answer + "\""));
        waitForSaved();
        checkPage("params-quiz");

        submitFromQuizPage(attemptId);

        QuizSettingsRow quiz = quizSettings.findById(QUIZ).orElseThrow();
        quiz.setScoresReleased(true);
        quiz.setSolutionsReleased(true);
        quizSettings.save(quiz);
        open("/attempts/" + attemptId + "/review");
        WebElement reviewed = driver.findElement(By.id("q-2.3"));
        assertThat(reviewed.findElement(By.cssSelector(".score-pill")).getText()).isEqualTo(text("points.outOf", "2.00", 2));
        assertThat(reviewed.getText()).contains(layer).contains(text("review.key") + " " + answer);
        checkPage("params-review");
    }
}
