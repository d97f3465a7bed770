package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.quizdesk.account.Role;

/**
 * Import by upload in a real browser: the instructor uploads a Moodle XML file on the admin home, reads the preview
 * (checked with axe at both widths), is refused a name that is taken, and cancels. The browser tests share the repo's
 * quiz folder, so the confirmation that writes is ImportUploadTest's (over HTTP, in a folder of its own).
 */
class ImportBrowserTest extends BrowserTest {

    @Test
    void anInstructorUploadsPreviewsIsRefusedATakenNameAndCancels() throws Exception {
        List<Path> before = quizFolder();
        signInAs(staff("importer", Role.INSTRUCTOR));
        open("/admin");
        driver.findElement(By.id("import-file")).sendKeys(
                Path.of("src/test/resources/interchange/moodle-sample.xml").toAbsolutePath().toString());
        clickToLoad(driver.findElement(By.cssSelector("form.admin-import button[type=submit]")));
        assertThat(bodyText()).contains("Import preview: Networks 101").contains("Where scores would differ")
                .contains("image \"ports.png\" in the prompt is not carried over");
        checkPage("import-preview");

        var name = driver.findElement(By.id("import-name"));
        name.clear();
        name.sendKeys(SEED_QUIZ);
        clickToLoad(driver.findElement(By.cssSelector("form.import-confirm button.button--primary")));
        assertThat(bodyText()).contains("A quiz named " + SEED_QUIZ + " exists already");
        checkPage("import-name-taken");

        clickToLoad(driver.findElement(By.cssSelector("form.import-confirm button[formaction]")));
        assertThat(bodyText()).contains("The import of moodle-sample.xml was cancelled; nothing was written.");
        assertThat(quizFolder()).isEqualTo(before);
    }

    private static List<Path> quizFolder() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("quizzes"))) {
            return files.sorted().toList();
        }
    }
}
