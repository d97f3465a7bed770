package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.StudentVersion;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two students take the example quiz (quizzes/shuffle-example.yaml) with a pool (2.4), shuffled options (2.1) and a
 * parameterised short answer (2.3): their pages differ, each is graded on their own version (both type the first
 * student's number for 2.3: right for one, wrong for the other), each review speaks their letters, and the results
 * CSV and the statistics count by the file's keys and alternatives.
 */
class VersionsBrowserTest extends BrowserTest {

    static final String QUIZ = "shuffle-example";

    @Autowired AttemptService attempts;
    @Autowired QuizCatalog catalog;

    record Taker(Student student, long attemptId, StudentVersion version) {

        String alternative() {
            return version.has("2.4a") ? "2.4a" : "2.4b";
        }

        String layerAnswer() {
            Map<String, String> values = version.values("2.3");
            return new BigDecimal(values.get("weights")).add(new BigDecimal(values.get("outputs"))).toPlainString();
        }

        List<String> optionTexts() {
            return ((MultiSelectQuestion) version.quiz().question("2.1").orElseThrow()).options().stream()
                    .map(MultiSelectQuestion.Option::text).toList();
        }
    }

    @AfterEach
    void nothingReleased() {
        QuizSettingsRow quiz = quizSettings.findById(QUIZ).orElseThrow();
        quiz.setScoresReleased(false);
        quiz.setSolutionsReleased(false);
        quizSettings.save(quiz);
    }

    @Test
    void twoStudentsGetTheirOwnVersionsAndAreGradedOnThem() throws Exception {
        List<Taker> pair = twoDifferentVersions();
        Taker ada = pair.get(0);
        Taker bob = pair.get(1);

        List<String> pages = new ArrayList<>();
        for (Taker taker : pair) {
            driver.manage().deleteAllCookies();
            signIn(taker.student());
            open("/attempts/" + taker.attemptId());
            waitForQuizScript();
            // their options of 2.1 in their order and letters, their layer in 2.3, their alternative of pool 2.4
            List<String> texts = taker.optionTexts();
            assertThat(driver.findElements(By.cssSelector("#q-2\\.1 .choice label"))).extracting(WebElement::getText)
                    .containsExactly("A: " + texts.get(0), "B: " + texts.get(1), "C: " + texts.get(2));
            Map<String, String> values = taker.version().values("2.3");
            assertThat(driver.findElement(By.id("q-2.3")).getText())
                    .contains("from " + values.get("inputs") + " inputs to " + values.get("outputs") + " outputs");
            String other = taker.alternative().equals("2.4a") ? "2.4b" : "2.4a";
            assertThat(driver.findElements(By.id("q-" + taker.alternative()))).hasSize(1);
            assertThat(driver.findElements(By.id("q-" + other))).isEmpty();
            pages.add(driver.findElement(By.cssSelector("main")).getText());

            // the file's A and B are right whatever letters they show; 2.3: Ada's number for both; the pool: right
            driver.findElement(By.cssSelector("label[for='a-2.1-A']")).click();
            driver.findElement(By.cssSelector("label[for='a-2.1-B']")).click();
            driver.findElement(By.id("a-2.3")).sendKeys(ada.layerAnswer());
            driver.findElement(By.id("a-" + taker.alternative())).sendKeys(taker.alternative().equals("2.4a") ? "10" : "9");
            waitUntil("the saved answers", d -> attempts.find(taker.attemptId(), taker.student().accountId()).orElseThrow()
                    .getAnswers().contains("\"2.3\":\"" + ada.layerAnswer() + "\""));
            waitForSaved();
            submitFromQuizPage(taker.attemptId());
        }
        assertThat(pages.get(0)).as("the two students' pages differ").isNotEqualTo(pages.get(1));

        QuizSettingsRow quiz = quizSettings.findById(QUIZ).orElseThrow();
        quiz.setScoresReleased(true);
        quiz.setSolutionsReleased(true);
        quizSettings.save(quiz);
        for (Taker taker : pair) {
            driver.manage().deleteAllCookies();
            signIn(taker.student());
            open("/attempts/" + taker.attemptId() + "/review");
            WebElement options = driver.findElement(By.id("q-2.1"));
            assertThat(options.findElement(By.cssSelector(".score-pill")).getText()).isEqualTo(text("points.outOf", "2.00", 2));
            assertThat(options.findElements(By.cssSelector(".options-review li.is-selected strong")))
                    .extracting(WebElement::getText).containsExactlyInAnyOrder(
                            taker.version().label("2.1", "A") + ":", taker.version().label("2.1", "B") + ":");
            String layer = taker == ada ? "2.00" : "0.00";
            assertThat(driver.findElement(By.id("q-2.3")).findElement(By.cssSelector(".score-pill")).getText())
                    .as("2.3 is graded on the student's own numbers").isEqualTo(text("points.outOf", layer, 2));
            assertThat(driver.findElement(By.id("q-" + taker.alternative())).findElement(By.cssSelector(".score-pill"))
                    .getText()).isEqualTo(text("points.outOf", "2.00", 2));
            checkPage("versions-review-" + (taker == ada ? "ada" : "bob"));
        }

        // staff: one column per alternative (blank where not drawn), 2.1 right for both by the file's keys
        driver.manage().deleteAllCookies();
        signInAs(staff("versions", Role.TA));
        String csv = (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/admin/quizzes/" + QUIZ + "/results.csv').then(r => r.text()).then(done);");
        Map<String, CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords().stream().collect(Collectors.toMap(r -> r.get("net id"), r -> r));
        for (Taker taker : pair) {
            CSVRecord row = rows.get(taker.student().username());
            assertThat(row.get("2.1")).isEqualTo("2");
            assertThat(row.get("2.3")).isEqualTo(taker == ada ? "2" : "0");
            assertThat(row.get(taker.alternative())).isEqualTo("2");
            assertThat(row.get(taker.alternative().equals("2.4a") ? "2.4b" : "2.4a")).isEmpty();
        }
        open("/admin/quizzes/" + QUIZ + "/statistics");
        assertThat(driver.findElement(By.id("pool-2.4")).getText()).contains("2.4a").contains("2.4b");
        // options by the file's keys, whatever letters the students saw: both picked the file's A and B
        assertThat(driver.findElement(By.id("stats-2.1")).getText()).contains("A true").contains("B true").contains("C false");
        checkPage("versions-statistics");
    }

    /**
     * Two students whose versions differ in every way the quiz varies: the pool's alternative, 2.1's order and 2.3's
     * answer. Seeds are random (a secure random at start), so start attempts until two such appear.
     */
    private List<Taker> twoDifferentVersions() {
        List<Taker> started = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Student student = newStudent("versions");
            long attemptId = attempts.start(QUIZ, student.accountId(), student.fullName()).getId();
            long seed = attempts.find(attemptId, student.accountId()).orElseThrow().getVersionSeed();
            Taker taker = new Taker(student, attemptId, StudentVersion.of(catalog.currentOrThrow(QUIZ).quiz(), seed));
            for (Taker earlier : started) {
                if (!earlier.alternative().equals(taker.alternative()) && !earlier.optionTexts().equals(taker.optionTexts())
                        && !earlier.layerAnswer().equals(taker.layerAnswer())) {
                    return List.of(earlier, taker);
                }
            }
            started.add(taker);
        }
        throw new AssertionError("30 students, and no two with different versions");
    }
}
