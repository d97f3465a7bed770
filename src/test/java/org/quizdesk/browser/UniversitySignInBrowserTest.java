package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.quizdesk.testsupport.MockUniversity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sign-in page with a university's button, in Chromium: the button comes first and signs a rostered student in
 * through the provider's real redirects; the refusal page for someone not on the roster. axe-core at a laptop's and
 * a phone's width on each page, screenshots in target/screenshots (not in CI).
 */
class UniversitySignInBrowserTest extends BrowserTest {

    static final MockUniversity UNIVERSITY = new MockUniversity();
    private static final List<Dimension> WIDTHS = List.of(new Dimension(1366, 800), new Dimension(390, 844));

    @DynamicPropertySource
    static void university(DynamicPropertyRegistry properties) {
        UNIVERSITY.register(properties);
        properties.add("quizdesk.sign-in.local-passwords-for-students", () -> "false");
    }

    @AfterAll
    static void stopUniversity() {
        UNIVERSITY.stop();
    }

    @Test
    void aStudentSignsInWithTheUniversityButtonThatComesBeforeThePasswordForm() {
        Student student = newStudent("sso");
        open("/signin");
        WebElement button = driver.findElement(By.linkText("Sign in with " + MockUniversity.NAME));
        WebElement password = driver.findElement(By.id("password"));
        assertThat(button.getLocation().getY()).isLessThan(password.getLocation().getY());
        assertThat(bodyText()).contains(text("signin.university.passwordsForStaff"));
        checkAtBothWidths("signin-university");

        UNIVERSITY.nextSignInClaims(Map.of("preferred_username", student.username()));
        clickToLoad(driver.findElement(By.linkText("Sign in with " + MockUniversity.NAME)));
        waitUntil("the quiz list after the university's sign-in", d -> d.getCurrentUrl().endsWith("/quizzes"));
        assertThat(bodyText()).contains(student.fullName());
    }

    @Test
    void theSignInPageInGerman() {
        open("/signin?lang=de");
        pageLanguage = java.util.Locale.GERMAN;
        assertThat(driver.findElement(By.linkText("Mit " + MockUniversity.NAME + " anmelden")).isDisplayed()).isTrue();
        checkAtBothWidths("signin-university-de");
    }

    @Test
    void someoneNotOnTheRosterGetsAPageThatSaysWhomToAsk() {
        open("/signin");
        UNIVERSITY.nextSignInClaims(Map.of("preferred_username", "not-rostered"));
        clickToLoad(driver.findElement(By.linkText("Sign in with " + MockUniversity.NAME)));
        waitUntil("the refusal page", d -> d.getCurrentUrl().contains("/signin/refused"));
        assertThat(bodyText()).contains(text("signin.university.refused.askInstructor"))
                .contains(text("signin.university.refused.signedInAs", "not-rostered"));
        checkAtBothWidths("signin-refused");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.quizdesk.attempt.AttemptService attempts;

    @Test
    void signedOutMidQuizAStudentSignsInAgainThroughTheUniversityInANewTabAndNothingTypedIsLost() {
        Student student = newStudent("ssoagain");
        open("/signin");
        UNIVERSITY.nextSignInClaims(Map.of("preferred_username", student.username()));
        clickToLoad(driver.findElement(By.linkText("Sign in with " + MockUniversity.NAME)));
        waitUntil("the quiz list", d -> d.getCurrentUrl().endsWith("/quizzes"));
        open("/quizzes/" + SEED_QUIZ);
        long attemptId = signHonorCode(student);
        String quizTab = driver.getWindowHandle();

        sessions.endSessionsOf(student.username());
        driver.findElement(By.id("a-3.1.2")).sendKeys("7 x 7");
        waitUntil("the sign-in dialog", d -> Boolean.TRUE.equals(js("return document.getElementById('signin-dialog').open;")));
        WebElement university = driver.findElement(By.linkText(text("take.dialog.university", MockUniversity.NAME)));
        assertThat(focused()).as("focus on the university's button").isEqualTo(university);
        checkAtBothWidths("signin-dialog-university");

        java.util.Set<String> before = new java.util.HashSet<>(driver.getWindowHandles());
        UNIVERSITY.nextSignInClaims(Map.of("preferred_username", student.username()));
        university.click();
        waitUntil("a new tab", d -> d.getWindowHandles().size() > before.size());
        driver.switchTo().window(driver.getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst().orElseThrow());
        waitUntil("the university's sign-in to land in the new tab", Duration.ofSeconds(20), d -> d.getCurrentUrl().endsWith("/quizzes"));
        driver.close();
        driver.switchTo().window(quizTab);

        // coming back to the tab checks the session by itself; "continue" is there for when the focus event does not come
        js("var b = document.getElementById('signin-dialog-continue');"
                + " if (document.getElementById('signin-dialog').open && !b.hidden) { b.click(); }");
        waitUntil("the dialog to close", d -> Boolean.FALSE.equals(js("return document.getElementById('signin-dialog').open;")));
        waitUntil("what was typed while signed out to reach the server", Duration.ofSeconds(20),
                d -> attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers().contains("\"3.1.2\":\"7 x 7\""));
    }

    /** axe-core at 1366 and 390 px, a full-page screenshot at each (not in CI), and no sideways scrolling. */
    private void checkAtBothWidths(String name) {
        List<String> problems = new ArrayList<>();
        for (Dimension size : WIDTHS) {
            driver.manage().window().setSize(size);
            waitUntil("the window to be " + size.width + " wide", d ->
                    Math.abs(((Number) js("return window.innerWidth;")).intValue() - size.width) < 20);
            pause(Duration.ofMillis(300));
            screenshot("university-" + name + "-" + size.width);
            long overflow = ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
            if (overflow > 0) {
                problems.add(name + " at " + size.width + " px scrolls sideways by " + overflow + " px");
            }
            Axe.violations(driver).forEach(v -> problems.add(name + " at " + size.width + " px: " + v));
        }
        driver.manage().window().setSize(LAPTOP);
        assertThat(problems).as("axe-core violations and layout problems").isEmpty();
    }
}
