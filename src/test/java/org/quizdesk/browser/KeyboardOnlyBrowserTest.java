package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.SubmittedBy;
import org.quizdesk.attempt.internal.Attempt;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole quiz by keyboard alone: Tab and Shift+Tab, arrows and Space for choices, typing, Enter. No clicks. */
class KeyboardOnlyBrowserTest extends BrowserTest {

    @Autowired
    AttemptService attempts;

    @Test
    void aStudentSignsInTakesAndSubmitsTheQuizWithTheKeyboardAlone() {
        Student student = newStudent("keys");

        open("/signin");
        assertThat(focused().getAttribute("id")).as("the net ID field has the focus").isEqualTo("username");
        focused().sendKeys(student.username());
        focused().sendKeys(Keys.TAB);
        focused().sendKeys(PASSWORD);
        focused().sendKeys(Keys.ENTER);
        waitUntil("the quiz list", d -> d.getCurrentUrl().endsWith("/quizzes"));

        tabTo("the Start link", false, e -> "a".equals(e.getTagName()) && "Start".equals(e.getText())).sendKeys(Keys.ENTER);
        waitUntil("the honor-code page", d -> d.getCurrentUrl().endsWith("/quizzes/" + SEED_QUIZ));
        waitForLoad();
        tabTo("agree").sendKeys(Keys.SPACE);
        focused().sendKeys(Keys.TAB);
        assertThat(focused().getAttribute("id")).isEqualTo("signature");
        focused().sendKeys(student.fullName());
        focused().sendKeys(Keys.ENTER);
        waitUntil("the quiz page", d -> d.getCurrentUrl().matches(".*/attempts/\\d+$"));
        waitForQuizScript();
        long attemptId = attemptIdFromUrl();

        // the first Tab reaches the skip link, which takes the focus past the header
        focused().sendKeys(Keys.TAB);
        assertThat(focused().getText()).isEqualTo("Skip to content");
        focused().sendKeys(Keys.ENTER);
        assertThat(focused().getAttribute("id")).isEqualTo("main");

        // a true/false group is one tab stop on its checked radio ("No answer"); the arrows choose
        WebElement radio = tabTo("question 1.1", false, e -> "answer:1.1".equals(e.getAttribute("name")));
        assertThat(radio.getAttribute("id")).isEqualTo("a-1.1-blank");
        radio.sendKeys(Keys.ARROW_UP);
        focused().sendKeys(Keys.ARROW_UP);
        assertThat(focused().getAttribute("id")).isEqualTo("a-1.1-true");
        assertThat(focused().isSelected()).isTrue();
        tabTo("question 1.2", false, e -> "answer:1.2".equals(e.getAttribute("name"))).sendKeys(Keys.ARROW_UP);
        assertThat(focused().getAttribute("id")).isEqualTo("a-1.2-false");

        tabTo("a-2.1-A").sendKeys(Keys.SPACE);
        tabTo("a-2.1-C").sendKeys(Keys.SPACE);
        tabTo("a-2.1-D").sendKeys(Keys.SPACE);
        tabTo("a-3.1.1").sendKeys("4x4x5");
        // a change of mind: back with Shift+Tab, Space to clear D
        shiftTabTo("a-2.1-D").sendKeys(Keys.SPACE);
        assertThat(focused().isSelected()).isFalse();
        waitUntil("the answers saved", d -> attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers()
                .contains("\"2.1\":[\"A\",\"C\"]"));
        waitForSaved();
        assertThat(attempts.find(attemptId, student.accountId()).orElseThrow().getAnswers())
                .contains("\"1.1\":true", "\"1.2\":false", "\"3.1.1\":\"4x4x5\"");

        tabTo("the Review and submit button", false, e -> e.getText().startsWith("Review and submit")).sendKeys(Keys.ENTER);
        waitUntil("the confirmation", d -> d.getCurrentUrl().endsWith("/attempts/" + attemptId + "/submit"));
        WebElement submit = tabTo("the Submit now button", false, e -> "Submit now".equals(e.getText()));
        assertThat(submit.getCssValue("outline-style")).as("a visible focus ring").isNotEqualTo("none");
        submit.sendKeys(Keys.ENTER);
        waitUntil("the review", d -> d.getCurrentUrl().endsWith("/attempts/" + attemptId + "/review"));

        Attempt attempt = attempts.find(attemptId, student.accountId()).orElseThrow();
        assertThat(attempt.getSubmittedBy()).isEqualTo(SubmittedBy.STUDENT);
        // 1.1 wrong (key false), 1.2 right (1), 2.1 right (4), 3.1.1 right (2)
        assertThat(attempt.getTotal()).isEqualByComparingTo("7");
    }
}
