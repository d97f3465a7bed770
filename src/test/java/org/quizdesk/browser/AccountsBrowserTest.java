package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.quizdesk.account.Role;

/**
 * An instructor resets a student's password on the accounts page; the student opens the link, whose #fragment fills
 * in the code without it ever reaching the server, and sets a new password. axe on every page on the way.
 */
class AccountsBrowserTest extends BrowserTest {

    @Test
    void anInstructorResetsAPasswordAndTheStudentSetsANewOneFromTheLink() {
        Student student = newStudent("reset");
        String instructor = "prof" + System.nanoTime();
        accounts.create(instructor, "Staff Prof", null, null, Role.INSTRUCTOR, PASSWORD);

        open("/signin");
        driver.findElement(By.id("username")).sendKeys(instructor);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil("the staff page after sign-in", d -> d.getCurrentUrl().endsWith("/admin"));
        clickToLoad(driver.findElement(By.partialLinkText("Accounts")));
        driver.findElement(By.id("q")).sendKeys(student.username());
        driver.findElement(By.cssSelector("form.admin-filter button")).click();
        waitUntil("the search result", d -> d.getCurrentUrl().contains("q=" + student.username()));
        checkPage("staff-accounts");

        driver.findElement(By.cssSelector("button[aria-label='Reset the password of " + student.username() + "']")).click();
        waitUntil("the one-time code", d -> !d.findElements(By.cssSelector("code.setup-code")).isEmpty());
        checkPage("staff-accounts-reset");
        String code = driver.findElement(By.cssSelector("code.setup-code")).getText();
        String link = driver.findElement(By.partialLinkText("/setup-password#code=")).getAttribute("href");
        assertThat(link).endsWith("/setup-password#code=" + code);
        // shown once: the next view of the page has no code
        open("/admin/accounts");
        assertThat(driver.findElements(By.cssSelector("code.setup-code"))).isEmpty();

        driver.manage().deleteAllCookies();
        driver.get(link);
        waitForLoad();
        waitUntil("the code filled in and gone from the address bar", d ->
                code.equals(d.findElement(By.id("code")).getDomProperty("value")) && !d.getCurrentUrl().contains("#"));
        checkPage("setup-password");
        driver.findElement(By.id("password")).sendKeys("a-brand-new-password");
        driver.findElement(By.id("repeated")).sendKeys("a-brand-new-password");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil("the sign-in page", d -> d.getCurrentUrl().endsWith("/signin"));
        assertThat(bodyText()).contains("Your password is set.");

        driver.findElement(By.id("username")).sendKeys(student.username());
        driver.findElement(By.id("password")).sendKeys("a-brand-new-password");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil("the quiz list after sign-in", d -> d.getCurrentUrl().endsWith("/quizzes"));
    }
}
