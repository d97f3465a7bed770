package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.quizdesk.attempt.AttemptService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The session ends on the server mid-quiz (a restart without persistent sessions, an expiry): the page asks the
 * student to sign in again in a dialog on the same page, then sends everything typed meanwhile.
 */
class SignInAgainBrowserTest extends BrowserTest {

    @Autowired
    AttemptService attempts;

    @Test
    void aStudentWhoseSessionEndsMidQuizSignsInAgainInADialogAndNothingTypedIsLost() {
        Student student = newStudent("again");
        long attemptId = startSeedQuiz(student);
        driver.findElement(By.cssSelector("label[for='a-1.1-true']")).click();
        waitForSaved();
        int secondsLeft = timerSeconds();

        assertThat(sessions.endSessionsOf(student.username())).as("sessions ended on the server").isPositive();
        driver.findElement(By.cssSelector("label[for='a-1.2-false']")).click();
        WebElement typed = driver.findElement(By.id("a-3.1.2"));
        typed.sendKeys("4 x 7");

        waitUntil("the sign-in dialog", d -> dialogOpen());
        assertThat(focused().getAttribute("id")).as("focus in the dialog, on the password").isEqualTo("signin-password");
        assertThat(driver.findElement(By.id("signin-username")).getAttribute("value")).isEqualTo(student.username());
        assertThat(driver.findElement(By.id("signin-dialog-why")).getText()).contains("kept on this device");
        assertThat(saveStatus()).startsWith("You are signed out");
        checkPage("signin-dialog");
        viewportScreenshots("signin-dialog-view");
        assertThat(dialogOpen()).as("the dialog stays open while the window is resized").isTrue();

        // a wrong password: said in the dialog's alert, and the student stays in the dialog
        focused().sendKeys("not-the-password", Keys.ENTER);
        waitUntil("the error in the dialog", d -> d.findElement(By.id("signin-dialog-error")).getText().contains("do not match"));
        assertThat(driver.findElement(By.id("signin-dialog-error")).getAttribute("role")).isEqualTo("alert");
        assertThat(dialogOpen()).isTrue();
        checkPage("signin-dialog-error");
        viewportScreenshots("signin-dialog-error-view");

        driver.findElement(By.id("signin-password")).sendKeys(PASSWORD, Keys.ENTER);
        waitUntil("the dialog to close", d -> !dialogOpen());
        waitUntil("what was typed while signed out to reach the server", Duration.ofSeconds(20),
                d -> attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers().contains("\"3.1.2\":\"4 x 7\""));
        assertThat(attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers())
                .contains("\"1.1\":true", "\"1.2\":false", "\"3.1.2\":\"4 x 7\"");
        waitForSaved();
        assertThat(focused().getAttribute("id")).as("focus back where the student was typing").isEqualTo("a-3.1.2");
        assertThat(timerSeconds()).as("the countdown kept the server's deadline").isBetween(secondsLeft - 60, secondsLeft);
        assertThat(driver.findElement(By.id("signin-again")).isDisplayed()).isFalse();

        // and the page goes on working with the new session
        typed.sendKeys(" x 9");
        waitUntil("the next save", Duration.ofSeconds(20),
                d -> attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers().contains("4 x 7 x 9"));
    }

    @Test
    void escapeClosesTheDialogTheAnswersWaitOnTheDeviceAndAnotherAccountSigningInIsToldItIsTheWrongOne() {
        Student student = newStudent("mine");
        Student classmate = newStudent("classmate");
        long attemptId = startSeedQuiz(student);
        waitUntil("the first status", d -> !saveStatus().isEmpty());
        sessions.endSessionsOf(student.username());
        driver.findElement(By.id("a-3.1.2")).sendKeys("5 x 5");
        waitUntil("the sign-in dialog", d -> dialogOpen());

        focused().sendKeys(Keys.ESCAPE);
        waitUntil("Escape to close the dialog", d -> !dialogOpen());
        assertThat(focused().getAttribute("id")).isEqualTo("a-3.1.2");
        assertThat(saveStatus()).startsWith("You are signed out");
        assertThat((String) js("return localStorage.getItem('quizdesk.attempt.' + arguments[0]);", String.valueOf(attemptId)))
                .contains("\"3.1.2\":\"5 x 5\"");
        WebElement signInAgain = driver.findElement(By.id("signin-again"));
        assertThat(signInAgain.isDisplayed()).isTrue();
        signInAgain.click();
        waitUntil("the dialog again", d -> dialogOpen());

        WebElement username = driver.findElement(By.id("signin-username"));
        username.clear();
        username.sendKeys(classmate.username());
        driver.findElement(By.id("signin-password")).sendKeys(PASSWORD, Keys.ENTER);
        waitUntil("the dialog to say it is the wrong account", d -> d.findElement(By.id("signin-dialog-error")).getText()
                .contains("You signed in as " + classmate.username() + ", but this quiz belongs to " + student.username()));
        assertThat(dialogOpen()).isTrue();
        assertThat(attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers()).doesNotContain("5 x 5");

        assertThat(driver.findElement(By.id("signin-username")).getAttribute("value")).isEqualTo(student.username());
        driver.findElement(By.id("signin-password")).sendKeys(PASSWORD, Keys.ENTER);
        waitUntil("the dialog to close", d -> !dialogOpen());
        waitUntil("the answers to reach the server", Duration.ofSeconds(20),
                d -> attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers().contains("\"3.1.2\":\"5 x 5\""));
    }

    @Test
    void signedOutWhenTimeRunsOutTheStudentSignsInAgainAndTheFinalAnswersAreSubmitted() {
        changeSeedSettings(s -> s.setTimeLimitSeconds(15));
        Student student = newStudent("lastsecond");
        long attemptId = startSeedQuiz(student);
        sessions.endSessionsOf(student.username());
        // the 403 of the first save opens the dialog; the student closes it and goes on answering until time is up
        driver.findElement(By.id("a-3.1.2")).sendKeys("6 x 6");
        waitUntil("the sign-in dialog", d -> dialogOpen());
        // Tab and Shift+Tab go round the open dialog
        for (int i = 0; i < 8; i++) {
            focused().sendKeys(i < 5 ? Keys.TAB : Keys.chord(Keys.SHIFT, Keys.TAB));
            assertThat(js("return !!(document.activeElement && document.activeElement.closest('#signin-dialog'));"))
                    .as("focus inside the dialog after %d Tab presses", i + 1).isEqualTo(true);
        }
        driver.findElement(By.id("signin-dialog-later")).click();
        waitUntil("the dialog to close", d -> !dialogOpen());
        WebElement falseLabel = driver.findElement(By.cssSelector("label[for='a-1.3-false']"));
        js("arguments[0].scrollIntoView({block: 'center'});", falseLabel); // clear of the sticky time bar
        falseLabel.click();

        waitUntil("the deadline to pass and the dialog to ask again", Duration.ofSeconds(30), d -> timerSeconds() == 0 && dialogOpen());
        assertThat(driver.getCurrentUrl()).as("the page waits for the session before submitting").endsWith("/attempts/" + attemptId);
        driver.findElement(By.id("signin-password")).sendKeys(PASSWORD, Keys.ENTER);
        waitUntil("the review after the submission", Duration.ofSeconds(20),
                d -> d.getCurrentUrl().endsWith("/attempts/" + attemptId + "/review"));
        var attempt = attempts.find(attemptId, student.accountId()).orElseThrow();
        assertThat(attempt.isSubmitted()).isTrue();
        assertThat(attempt.getAnswers()).contains("\"1.3\":false", "\"3.1.2\":\"6 x 6\"");
    }

    @Test
    void signingOutSendsWhatIsUnsavedAndLeavesNoAnswersOnTheDevice() {
        Student student = newStudent("leaver");
        long attemptId = startSeedQuiz(student);
        js("localStorage.setItem('quizdesk.attempt.999999', '{\"answers\":{},\"unsent\":true,\"at\":0}');"
                + "localStorage.setItem('unrelated.setting', 'kept');");
        serverTrouble.answer("PUT", "/answers", 503, 60, 1); // the first save fails, so an unsent copy is on the device
        driver.findElement(By.id("a-3.1.2")).sendKeys("3 x 3");
        waitUntil("the failed save", d -> saveStatus().startsWith("The server is busy."));
        assertThat((String) js("return localStorage.getItem('quizdesk.attempt.' + arguments[0]);", String.valueOf(attemptId)))
                .contains("3 x 3");

        driver.findElement(By.cssSelector("form[action$='/signout'] button")).click();
        waitUntil("the signed-out page", d -> d.getCurrentUrl().endsWith("/signin?signedout"));
        assertThat(attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers()).contains("\"3.1.2\":\"3 x 3\"");
        assertThat(js("var keys = []; for (var i = 0; i < localStorage.length; i++) { keys.push(localStorage.key(i)); } return keys.join(',');"))
                .isEqualTo("unrelated.setting");
        js("localStorage.clear();");
    }

    /** The dialog sits in the top layer, over the viewport: what the student sees, at laptop and phone width. */
    private void viewportScreenshots(String name) {
        if (!TAKE_SCREENSHOTS) {
            return;
        }
        try {
            Files.createDirectories(Path.of("target", "screenshots"));
            for (Dimension size : List.of(LAPTOP, PHONE)) {
                driver.manage().window().setSize(size);
                pause(Duration.ofMillis(400));
                Files.write(Path.of("target", "screenshots", name + "-" + size.width + ".png"),
                        ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            }
            driver.manage().window().setSize(LAPTOP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean dialogOpen() {
        return Boolean.TRUE.equals(js("return document.getElementById('signin-dialog').open;"));
    }
}
