package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.quizdesk.account.Role;
import org.quizdesk.lti.PlatformRegistrations;
import org.quizdesk.lti.internal.AccountLinkRepository;
import org.quizdesk.lti.internal.AccountLinkRow;
import org.quizdesk.testsupport.LtiPlatform;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * LTI 1.3 launches in Chromium from a simulated platform: the course page's form posts itself to {@code /lti/login},
 * the platform's authorization page form-posts the id token to {@code /lti/launch}, and the person lands signed in
 * (a student on the quiz, an instructor on its results); launched inside the course's iframe, the hand-off page shows
 * in the frame and its button opens the quiz signed in in a new tab; a deep-linking launch in that frame shows the quiz
 * picker there, whose pick goes back to the platform. axe-core on the landing, hand-off and framed picker pages.
 */
class LtiLaunchBrowserTest extends BrowserTest {

    private static final LtiPlatform PLATFORM = new LtiPlatform();
    private static final String TARGET_LINK = "https://purl.imsglobal.org/spec/lti/claim/target_link_uri";
    private static final String CUSTOM = "https://purl.imsglobal.org/spec/lti/claim/custom";

    @Autowired PlatformRegistrations registrations;
    @Autowired AccountLinkRepository links;

    @BeforeAll
    void registerPlatform() {
        PLATFORM.useClock(clock);
        PLATFORM.trustToolKeysAt(url("/lti/jwks"));
        if (registrations.find(PLATFORM.issuer(), LtiPlatform.CLIENT_ID).isEmpty()) {
            registrations.add(PLATFORM.registrationForm());
        }
    }

    @AfterAll
    static void stopPlatform() {
        PLATFORM.stop();
    }

    @Test
    void aStudentLandsSignedInOnTheQuizAndAnInstructorOnItsResults() {
        Student student = newStudent("ltilaunch");
        signsInNext("sub-" + student.username(), student.username(), "Learner");
        driver.get(PLATFORM.url("/course?tool=" + url("")));
        waitUntil("the quiz page after the launch", Duration.ofSeconds(20), d -> d.getCurrentUrl().endsWith("/quizzes/" + SEED_QUIZ));
        assertThat(bodyText()).contains(student.fullName());
        checkPage("lti-launch-landing");

        String instructor = staff("ltiprof", Role.INSTRUCTOR);
        signsInNext("sub-" + instructor, instructor, "Instructor");
        driver.get(PLATFORM.url("/course?tool=" + url("")));
        waitUntil("the results page after the launch", Duration.ofSeconds(20),
                d -> d.getCurrentUrl().endsWith("/admin/quizzes/" + SEED_QUIZ + "/results"));
    }

    @Test
    void theLtiPagesShowTheRegistrationAndWhoLaunchedAsAStudent() {
        Student student = newStudent("ltilinked");
        links.save(new AccountLinkRow(PLATFORM.issuer(), "sub-" + student.username(), student.accountId(), clock.instant()));
        signInAs(staff("ltiadmin", Role.INSTRUCTOR));
        open("/admin/lti");
        assertThat(bodyText()).contains(PLATFORM.issuer(), text("admin.lti.col.trustsCustomNetId"));
        driver.findElement(By.id("links-account")).sendKeys(student.username());
        driver.findElement(By.cssSelector("#links form button")).click();
        waitUntil("the account's launch links", d -> d.getCurrentUrl().contains("account=" + student.username()));
        assertThat(driver.findElement(By.id("links")).getText()).contains("sub-" + student.username(), student.fullName());
        checkPage("staff-lti");

        long id = registrations.find(PLATFORM.issuer(), LtiPlatform.CLIENT_ID).orElseThrow().id();
        open("/admin/lti/platforms/" + id);
        assertThat(driver.findElement(By.id("trustsCustomNetId")).isSelected()).isTrue();
        assertThat(bodyText()).contains("custom parameter preferred_username");
        checkPage("staff-lti-platform");
    }

    @Test
    void launchedInsideTheCoursesFrameTheQuizOpensSignedInInANewTab() {
        Student student = newStudent("ltiframe");
        signsInNext("sub-" + student.username(), student.username(), "Learner");
        String course = driver.getWindowHandle();
        driver.get(PLATFORM.url("/course?frame&tool=" + url("")));
        driver.switchTo().frame(0);
        waitUntil("the hand-off page in the frame", Duration.ofSeconds(20),
                d -> !d.findElements(By.cssSelector("form[target='_blank'] button")).isEmpty());
        assertThat(bodyText()).contains(text("lti.framed.title"), text("lti.framed.open"));
        List<String> problems = new ArrayList<>();
        for (Dimension size : List.of(LAPTOP, PHONE)) {
            driver.switchTo().defaultContent();
            driver.manage().window().setSize(size);
            pause(Duration.ofMillis(400));
            screenshot("lti-framed-" + size.width);
            driver.switchTo().frame(0);
            long overflow = ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
            if (overflow > 0) {
                problems.add("the framed page scrolls sideways by " + overflow + " px at " + size.width);
            }
            Axe.violations(driver).forEach(v -> problems.add(size.width + " px: " + v));
        }
        driver.manage().window().setSize(LAPTOP);
        assertThat(problems).as("axe-core violations and layout problems of the hand-off page").isEmpty();

        Set<String> before = new HashSet<>(driver.getWindowHandles());
        driver.findElement(By.cssSelector("form[target='_blank'] button")).click();
        waitUntil("a new tab", d -> d.getWindowHandles().size() > before.size());
        String tab = driver.getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst().orElseThrow();
        driver.switchTo().window(tab);
        waitUntil("the quiz in the new tab", Duration.ofSeconds(20), d -> d.getCurrentUrl().endsWith("/quizzes/" + SEED_QUIZ));
        assertThat(bodyText()).contains(student.fullName());
        driver.close();
        driver.switchTo().window(course);
    }

    @Test
    void insideTheCoursesFrameAnInstructorPicksAQuizAndTheLinkGoesBackToTheCourse() throws Exception {
        String instructor = staff("ltipicker", Role.INSTRUCTOR);
        PLATFORM.signInNext(nonce -> {
            Map<String, Object> claims = PLATFORM.launchClaims(nonce, "sub-" + instructor);
            claims.put("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingRequest");
            claims.remove("https://purl.imsglobal.org/spec/lti/claim/resource_link");
            claims.put("preferred_username", instructor); // staff are found by the token's claim, never a custom parameter
            claims.put("https://purl.imsglobal.org/spec/lti/claim/roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"));
            claims.put("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", Map.of(
                    "deep_link_return_url", PLATFORM.url("/deep-link-return"), "accept_types", List.of("ltiResourceLink")));
            return claims;
        });
        int before = PLATFORM.deepLinkResponses.size();
        driver.get(PLATFORM.url("/course?frame&tool=" + url("")));
        driver.switchTo().frame(0);
        waitUntil("the quiz picker in the frame", Duration.ofSeconds(20),
                d -> !d.findElements(By.cssSelector("input[name='quiz'][value='" + SEED_QUIZ + "']")).isEmpty());
        assertThat(bodyText()).contains(text("admin.lti.deepLink.title"));
        List<String> problems = new ArrayList<>();
        for (Dimension size : List.of(LAPTOP, PHONE)) {
            driver.switchTo().defaultContent();
            driver.manage().window().setSize(size);
            pause(Duration.ofMillis(400));
            screenshot("lti-framed-picker-" + size.width);
            driver.switchTo().frame(0);
            long overflow = ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
            if (overflow > 0) {
                problems.add("the framed picker scrolls sideways by " + overflow + " px at " + size.width);
            }
            Axe.violations(driver).forEach(v -> problems.add(size.width + " px: " + v));
        }
        driver.manage().window().setSize(LAPTOP);
        assertThat(problems).as("axe-core violations and layout problems of the framed picker").isEmpty();

        driver.findElement(By.cssSelector("input[name='quiz'][value='" + SEED_QUIZ + "']")).click();
        driver.findElement(By.cssSelector("form.card button[type='submit']")).click();
        // the answer posts itself to the platform, still inside the frame
        waitUntil("the platform's page in the frame", Duration.ofSeconds(20), d -> !d.findElements(By.id("added")).isEmpty());
        driver.switchTo().defaultContent();
        assertThat(PLATFORM.deepLinkResponses).hasSize(before + 1);
        String link = com.nimbusds.jwt.SignedJWT.parse(PLATFORM.deepLinkResponses.get(before)).getJWTClaimsSet().toString();
        assertThat(link).contains("\"quiz\":\"" + SEED_QUIZ + "\"", "lineItem");
    }

    @Autowired org.quizdesk.attempt.AttemptService attempts;
    @Autowired org.quizdesk.quiz.QuizSettingsService settings;
    @Autowired org.quizdesk.lti.internal.LineItemRepository lineItems;

    @Test
    void thePassbackPageAndTheResultsTableShowTheStudentsWhoseScoresCannotBeSent() {
        Student student = newStudent("ltinolink");
        attempts.submit(attempts.start(SEED_QUIZ, student.accountId(), student.fullName()).getId(), student.accountId(), "{}");
        String instructor = staff("ltigrades", Role.INSTRUCTOR);
        String lineItem = PLATFORM.url("/lineitems/browser");
        PLATFORM.signInNext(nonce -> {
            Map<String, Object> claims = PLATFORM.launchClaims(nonce, "sub-" + instructor);
            claims.put(TARGET_LINK, url("/quizzes/" + SEED_QUIZ));
            claims.put("preferred_username", instructor); // staff are found by the token's claim, never a custom parameter
            claims.put("https://purl.imsglobal.org/spec/lti/claim/roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"));
            claims.put("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of(
                    "scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"), "lineitem", lineItem));
            return claims;
        });
        try {
            settings.release(SEED_QUIZ, true, false);
            driver.get(PLATFORM.url("/course?tool=" + url("")));
            waitUntil("the results page after the launch", Duration.ofSeconds(20),
                    d -> d.getCurrentUrl().endsWith("/admin/quizzes/" + SEED_QUIZ + "/results"));
            open("/admin/quizzes/" + SEED_QUIZ + "/passback");
            assertThat(bodyText()).contains(student.fullName() + " (" + student.username() + ")");
            checkPage("lti-passback");
            open("/admin/quizzes/" + SEED_QUIZ + "/results?q=" + student.username());
            assertThat(bodyText()).contains("LMS grade", "cannot be sent");
            checkPage("lti-results-column");
        } finally {
            // other browser tests release this quiz too: no posts to a platform that is gone by then
            settings.release(SEED_QUIZ, false, false);
            registrations.find(PLATFORM.issuer(), LtiPlatform.CLIENT_ID)
                    .flatMap(platform -> lineItems.findByPlatformIdAndLineItemUrl(platform.id(), lineItem)).ifPresent(lineItems::delete);
        }
    }

    private void signsInNext(String subject, String netId, String role) {
        PLATFORM.signInNext(nonce -> {
            Map<String, Object> claims = PLATFORM.launchClaims(nonce, subject);
            claims.put(TARGET_LINK, url("/quizzes/" + SEED_QUIZ));
            if (role.equals("Learner")) {
                claims.put(CUSTOM, Map.of("preferred_username", netId));
            } else {
                claims.put("preferred_username", netId); // staff are found by the token's claim, never a custom parameter
            }
            claims.put("https://purl.imsglobal.org/spec/lti/claim/roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#" + role));
            return claims;
        });
    }
}
