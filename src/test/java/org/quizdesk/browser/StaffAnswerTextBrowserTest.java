package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.springframework.beans.factory.annotation.Autowired;

/** A student's answer is shown to the grader exactly as typed: LaTeX in it is not rendered (no \color tricks). */
class StaffAnswerTextBrowserTest extends BrowserTest {

    /** Rendered as math, the first part would be white on white: the grader would read only "9 x 9". */
    static final String TRICK = "$\\color{white}{4 x 4 x 5}$ 9 x 9";

    @Autowired AttemptService attempts;

    @Test
    void aLatexAnswerAppearsLiterallyOnTheStaffAttemptPage() {
        Student student = newStudent("latex");
        long attemptId = attempts.start(SEED_QUIZ, student.accountId(), student.fullName()).getId();
        attempts.submit(attemptId, student.accountId(), "{\"3.1.1\": \"" + TRICK.replace("\\", "\\\\") + "\"}");
        String ta = "ta" + System.nanoTime();
        accounts.create(ta, "Staff latex", null, null, Role.TA, PASSWORD);

        open("/signin");
        driver.findElement(By.id("username")).sendKeys(ta);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil("the staff page after sign-in", d -> d.getCurrentUrl().endsWith("/admin"));
        open("/admin/attempts/" + attemptId);
        // page.js renders math on DOMContentLoaded, which has run once the document is complete
        waitUntil("the page's scripts", d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
                && Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return typeof window.renderMathInElement === 'function'")));

        WebElement answer = driver.findElement(By.cssSelector("#q-3\\.1\\.1 .admin-answer"));
        assertThat(answer.getText()).isEqualTo(TRICK);
        assertThat(answer.findElements(By.cssSelector(".katex"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("#q-3\\.1\\.1 .reasons")).getText()).contains("\\color{white}");
        checkPage("staff-attempt-latex-answer");
    }
}
