package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.SubmittedBy;
import org.quizdesk.attempt.internal.Attempt;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A student's whole journey through the seed quiz, with axe-core and screenshots on every page on the way, in English
 * (the browser's language) and in German (chosen with the language switch); texts are checked through the bundle.
 */
class StudentJourneyBrowserTest extends BrowserTest {

    @Autowired
    AttemptService attempts;

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "de"})
    void signInTakeTheQuizReloadSubmitAndSeeTheReleasedReview(String language) {
        Student student = newStudent("journey");

        open("/signin");
        if (!language.equals("en")) {
            // the browser asks for English: the student chooses the other language with the footer's switch
            driver.findElement(By.cssSelector("footer a[hreflang='" + language + "']")).click();
            waitUntil("the page in " + language, d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        }
        pageLanguage = Locale.forLanguageTag(language);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(text("signin.title"));
        checkPage("signin-" + language);
        signIn(student);
        assertThat(bodyText()).contains("Deep Learning", text("list.state.OPEN"));
        checkPage("list-not-started-" + language);

        driver.findElement(By.linkText(text("list.start"))).click();
        waitUntil("the honor-code page", d -> d.getCurrentUrl().endsWith("/quizzes/" + SEED_QUIZ));
        assertThat(bodyText()).contains("Student Conduct Code", text("start.minutes", 30));
        checkPage("honor-code-" + language);
        long attemptId = signHonorCode(student);

        // math rendered by KaTeX, served by this app
        waitUntil("KaTeX to render the math", d -> !d.findElements(By.cssSelector(".katex")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#q-1\\.3 .katex"))).as("the math in question 1.3").isNotEmpty();
        assertThat(bodyText()).doesNotContain("$W \\times H");
        // the deadline is shown in the student's own zone (the browser runs in Los Angeles, the server in UTC)
        assertThat(driver.findElement(By.cssSelector(".lead time")).getText()).containsPattern("P[DS]T|GMT-[78]");
        assertThat(timerSeconds()).isBetween(29 * 60, 30 * 60);
        assertNoSolutionsInPage("quiz");
        checkPage("quiz-" + language);

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
        assertThat(bodyText()).contains(text("list.state.IN_PROGRESS"), text("list.continue"));
        checkPage("list-in-progress-" + language);
        driver.findElement(By.linkText(text("list.continue"))).click();
        waitForQuizScript();

        // the confirmation lists exactly the unanswered questions
        driver.findElement(By.xpath("//button[contains(., '" + text("take.reviewAndSubmit") + "')]")).click();
        waitUntil("the confirmation", d -> d.getCurrentUrl().endsWith("/attempts/" + attemptId + "/submit"));
        List<String> unanswered = driver.findElements(By.cssSelector(".unanswered a")).stream().map(WebElement::getText).toList();
        assertThat(unanswered).containsExactly(List.of("1.2", "1.3", "1.4", "2.2", "3.1.2", "3.1.3", "3.1.4").stream()
                .map(id -> text("confirm.question", id)).toArray(String[]::new));
        assertThat(bodyText()).contains(text("confirm.unanswered", 7));
        assertNoSolutionsInPage("confirm");
        checkPage("confirm-" + language);

        driver.findElement(By.xpath("//button[contains(., '" + text("confirm.submit") + "')]")).click();
        waitUntil("the review", d -> d.getCurrentUrl().endsWith("/attempts/" + attemptId + "/review"));
        Attempt submitted = attempts.find(attemptId, student.accountId()).orElseThrow();
        assertThat(submitted.isSubmitted()).isTrue();
        assertThat(submitted.getSubmittedBy()).isEqualTo(SubmittedBy.STUDENT);
        assertThat(bodyText()).contains(text("review.submitted"), text("review.notReleased")).doesNotContain(text("review.score"));
        assertNoSolutionsInPage("review before release");
        checkPage("review-before-release-" + language);
        open("/quizzes");
        assertThat(bodyText()).contains(text("list.state.SUBMITTED"));
        checkPage("list-submitted-" + language);

        // course staff release scores and solutions
        changeSeedSettings(s -> {
            s.setScoresReleased(true);
            s.setSolutionsReleased(true);
        });
        open("/attempts/" + attemptId + "/review");
        waitUntil("KaTeX on the review", d -> !d.findElements(By.cssSelector(".katex")).isEmpty());
        String review = bodyText();
        // 1.1 right (1), 2.1 right (4), 3.1.1 right (2); 3.1.4 waits for a grader
        assertThat(review).contains(text("review.score"), text("points.outOf", points(7), 20), text("review.provisional"));
        assertThat(driver.findElement(By.cssSelector("#q-1\\.1 .score-pill")).getText()).isEqualTo(text("points.outOf", points(1), 1));
        assertThat(driver.findElement(By.cssSelector("#q-1\\.2 .score-pill")).getText()).isEqualTo(text("points.outOf", points(0), 1));
        assertThat(driver.findElements(By.cssSelector("#q-1\\.2 .reasons li"))).as("reasons for 1.2").isNotEmpty();
        assertThat(driver.findElement(By.id("q-1.2")).getText()).contains(text("review.key"));
        assertThat(review).contains("could also indicate underfitting", "it has 1 conv with stride 4");
        assertThat(driver.findElement(By.id("q-3.1.1")).getText()).contains("4 x 4 x 5");
        // the words around answers and keys are in the page's language too: 1.1 answered False, its key False
        assertThat(driver.findElement(By.id("q-1.1")).getText())
                .contains(text("review.yourAnswer") + " " + text("review.answer.false"), text("review.key") + " " + text("review.answer.false"));
        checkPage("review-released-" + language);
        open("/quizzes");
        assertThat(bodyText()).contains(text("points.outOf", points(7), 20));
        checkPage("list-released-" + language);

        // an address that is not there, as the student sees it
        open("/attempts/987654321");
        assertThat(bodyText()).contains(text("error.heading.notFound"), text("attempt.refused.noSuchAttempt"));
        assertThat(driver.findElements(By.cssSelector(".flash"))).as("no green \"saved\" box and no raw \"Not Found\" on the error page")
                .isEmpty();
        checkPage("error-" + language);
    }

    @Test
    void aStudentEarlyForTheOpeningSignsOnTheHonorCodePageAndIsOfferedStartWhenItOpens() {
        Student student = newStudent("early");
        Instant opens = clock.instant().plus(Duration.ofHours(1));
        changeSeedSettings(s -> s.setWindow(opens, null));

        signIn(student);
        assertThat(bodyText()).contains(text("list.state.NOT_OPEN_YET"));
        checkPage("list-not-open-yet-en");
        driver.findElement(By.linkText(text("list.getReady"))).click();
        waitUntil("the honor-code page", d -> d.getCurrentUrl().endsWith("/quizzes/" + SEED_QUIZ));
        assertThat(bodyText()).contains("Student Conduct Code", text("start.waiting"));
        assertThat(startButton().isEnabled()).as("Start before the opening").isFalse();
        // an hour to go, counted on the server's clock
        assertThat(driver.findElement(By.cssSelector("[data-countdown]")).getText())
                .startsWith(text("js.opensIn", "").strip()).containsPattern("(1:00:00|59:[0-5]\\d)$");
        checkPage("honor-code-waiting-en");

        // a few seconds before the opening (the server's clock moved on): the student signs, and Start comes by itself;
        // counted from the opening, not from the hour above, which the checks of the pages have already eaten into
        clock.advance(Duration.between(clock.instant(), opens).minusSeconds(6));
        driver.navigate().refresh();
        assertThat(driver.findElement(By.id("waiting")).isDisplayed()).as("the page came before the opening").isTrue();
        driver.findElement(By.id("agree")).click();
        driver.findElement(By.id("signature")).sendKeys(student.fullName());
        waitUntil("Start offered at the opening", d -> startButton().isEnabled());
        assertThat(clock.instant()).as("the server's time when Start was offered").isAfterOrEqualTo(opens);
        assertThat(driver.findElement(By.id("opened")).getText()).isEqualTo(text("js.opened"));
        assertThat(driver.findElement(By.id("waiting")).isDisplayed()).isFalse();
        startButton().click();
        waitUntil("the quiz page", d -> d.getCurrentUrl().matches(".*/attempts/\\d+$"));
        waitForQuizScript();
        assertThat(attempts.find(attemptIdFromUrl(), student.accountId()).orElseThrow().getStartedAt()).isAfterOrEqualTo(opens);
    }

    @Test
    void theBrowserTakesTheStyleSheetAndScriptsGzippedOnceAndKeepsThemFromOnePageToTheNext() {
        signIn(newStudent("kept"));

        // the files came gzipped: KaTeX's script, 273 KB, took some 76 from the network
        List<List<Object>> first = staticFilesOfThisPage();
        assertThat(first).as("files, bytes from the network, bytes as sent, bytes unpacked")
                .anyMatch(file -> file.get(0).toString().contains("/katex.min.js")
                        && ((Number) file.get(2)).longValue() < ((Number) file.get(3)).longValue() / 2);

        // what the next page's files cost the network: nothing (before, each page fetched them all again)
        open("/quizzes/" + SEED_QUIZ);
        List<List<Object>> next = staticFilesOfThisPage();
        assertThat(next).as("files and the bytes they took from the network").allMatch(file -> ((Number) file.get(1)).longValue() == 0);
        assertThat(next).extracting(file -> file.get(0).toString())
                .anyMatch(name -> name.contains("/css/quizdesk-")).anyMatch(name -> name.contains("/js/page-"))
                .anyMatch(name -> name.contains("/webjars/katex/"));
    }

    /**
     * The page's style sheets and scripts: address, bytes from the network (0: the browser's copy), bytes as sent
     * (gzipped or not), bytes unpacked.
     */
    @SuppressWarnings("unchecked")
    private List<List<Object>> staticFilesOfThisPage() {
        return (List<List<Object>>) js("return performance.getEntriesByType('resource')"
                + ".filter(e => /\\/(css|js|webjars)\\//.test(e.name)).map(e => [e.name, e.transferSize, e.encodedBodySize, e.decodedBodySize]);");
    }

    private WebElement startButton() {
        return driver.findElement(By.cssSelector("main form button[type=submit]"));
    }

    /** Points as the student pages show a score: two decimals, in the page's language. */
    private String points(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(pageLanguage);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }
}
