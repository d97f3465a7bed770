package org.quizdesk.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * A launch inside the LMS's iframe over HTTP: a page only the platform's origins may frame, signing nobody in there,
 * whose button hands the launch to a new tab with a one-time, short-lived code; the quiz pages stay unframeable.
 */
class LtiFramedLaunchTest extends LtiTestContext {

    private static final Pattern CODE = Pattern.compile("name=\"code\" value=\"([^\"]+)\"");
    private static final String COURSE_ORIGIN = "https://course.lms.example";

    @Autowired AccountService accounts;
    @Autowired FindByIndexNameSessionRepository<? extends Session> sessions;

    @Test
    void aFramedLaunchAnswersAPageThePlatformMayFrameAndItsButtonSignsInOnceInANewTab() throws Exception {
        accounts.create("framed-student", "Framed Student", null, "AA", Role.STUDENT, null);
        Framed inFrame = framedLaunch("sub-framed", "framed-student");
        HttpResponse<String> framed = inFrame.page();

        assertThat(framed.statusCode()).isEqualTo(200);
        assertThat(framed.body()).contains("Quizdesk opens in its own tab", "Open the quiz in a new tab", "target=\"_blank\"");
        String policy = framed.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("frame-ancestors " + PLATFORM.issuer()).contains(COURSE_ORIGIN).doesNotContain("frame-ancestors 'none'");
        assertThat(framed.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(sessions.findByPrincipalName("framed-student")).as("nobody signed in inside the frame").isEmpty();
        assertThat(inFrame.browser().get("/quizzes").statusCode()).as("the frame's browser is not signed in").isEqualTo(302);

        LtiBrowser newTab = new LtiBrowser(port);
        HttpResponse<String> opened = newTab.post(LaunchController.OPEN_PATH, Map.of("code", code(framed)));
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/quizzes/" + QUIZ);
        HttpResponse<String> quiz = newTab.get("/quizzes/" + QUIZ);
        assertThat(quiz.body()).contains("Framed Student");
        // the quiz itself stays unframeable
        assertThat(quiz.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(quiz.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        // the same code a second time (another tab, or someone who read it): refused, nobody signed in
        LtiBrowser again = new LtiBrowser(port);
        HttpResponse<String> reused = again.post(LaunchController.OPEN_PATH, Map.of("code", code(framed)));
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.body()).contains("has been used already or has expired");
        assertThat(reused.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(again.get("/quizzes").statusCode()).isEqualTo(302);
        assertThat(new LtiBrowser(port).post(LaunchController.OPEN_PATH, Map.of("code", "made-up")).statusCode()).isEqualTo(410);
        assertThat(new LtiBrowser(port).get(LaunchController.OPEN_PATH + "?code=" + code(framed)).statusCode()).isEqualTo(410);
    }

    @Test
    void theCodeExpiresAfterTwoMinutes() throws Exception {
        accounts.create("framed-late", "Framed Late", null, "AA", Role.STUDENT, null);
        String code = code(framedLaunch("sub-framed-late", "framed-late").page());
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        LtiBrowser newTab = new LtiBrowser(port);
        assertThat(newTab.post(LaunchController.OPEN_PATH, Map.of("code", code)).statusCode()).isEqualTo(410);
        assertThat(newTab.get("/quizzes").statusCode()).isEqualTo(302);
        assertThat(sessions.findByPrincipalName("framed-late")).isEmpty();
    }

    @Test
    void aBrowserSignedInAsSomeoneElseBecomesTheLaunchedPersonNotTheOther() throws Exception {
        accounts.create("framed-owner", "Framed Owner", null, "AA", Role.STUDENT, null);
        accounts.create("framed-other", "Framed Other", null, "AA", Role.STUDENT, null);
        // the browser of the new tab is signed in as another student (a shared computer)
        LtiBrowser other = launchedInPage("sub-framed-other", "framed-other");
        String otherSession = other.cookies.get("SESSION");

        String code = code(framedLaunch("sub-framed-owner", "framed-owner").page());
        assertThat(other.post(LaunchController.OPEN_PATH, Map.of("code", code)).statusCode()).isEqualTo(302);

        assertThat(other.cookies.get("SESSION")).isNotEqualTo(otherSession);
        assertThat(other.get("/quizzes").body()).contains("Framed Owner").doesNotContain("Framed Other");
        assertThat(sessions.findByPrincipalName("framed-other")).as("the other student's session ended").isEmpty();
        // and the other student's old session cookie reaches nothing
        LtiBrowser stolen = new LtiBrowser(port);
        stolen.cookies.put("SESSION", otherSession);
        assertThat(stolen.get("/quizzes").statusCode()).isEqualTo(302);
    }

    @Test
    void aCodePostedFromAnotherSiteSignsNobodyInAndStillOpensFromQuizdesksOwnPage() throws Exception {
        accounts.create("framed-victim", "Framed Victim", null, "AA", Role.STUDENT, null);
        accounts.create("framed-attacker", "Framed Attacker", null, "AA", Role.STUDENT, null);
        // the victim's browser is signed in as the victim
        LtiBrowser victim = launchedInPage("sub-framed-victim", "framed-victim");
        String victimSession = victim.cookies.get("SESSION");
        // the attacker's own framed launch gives a code, which evil.example's page posts from the victim's browser
        String code = code(framedLaunch("sub-framed-attacker", "framed-attacker").page());

        for (String[] sender : new String[][] {{"cross-site", "https://evil.example"}, {"same-site", "https://evil.localhost"}}) {
            HttpResponse<String> forced = victim.postFrom(sender[0], sender[1], LaunchController.OPEN_PATH, Map.of("code", code));
            assertThat(forced.statusCode()).as(sender[0]).isEqualTo(403);
            assertThat(forced.body()).contains("was sent from another website");
        }
        // an older browser without Sec-Fetch-Site: its Origin tells
        HttpResponse<String> byOrigin = victim.postFrom(null, "https://evil.example", LaunchController.OPEN_PATH, Map.of("code", code));
        assertThat(byOrigin.statusCode()).isEqualTo(403);

        assertThat(victim.cookies.get("SESSION")).isEqualTo(victimSession);
        assertThat(victim.get("/quizzes").body()).contains("Framed Victim").doesNotContain("Framed Attacker");
        assertThat(sessions.findByPrincipalName("framed-attacker")).isEmpty();

        // the refusals left the code unused: the attacker's own new tab, from Quizdesk's page, still opens with it
        LtiBrowser newTab = new LtiBrowser(port);
        HttpResponse<String> opened = newTab.postFrom("same-origin", newTab.origin(), LaunchController.OPEN_PATH, Map.of("code", code));
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(newTab.get("/quizzes").body()).contains("Framed Attacker");
    }

    @Test
    void aStaffLaunchInAFrameOpensTheResultsAndALaunchInANewWindowIsNotHandedOver() throws Exception {
        staffOnRoster("framed-prof", Role.INSTRUCTOR);
        Started started = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), "sub-framed-prof");
        claims.put(LtiClaims.ROLES, java.util.List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"));
        claims.put(STAFF_NET_ID_CLAIM, "framed-prof");
        HttpResponse<String> framed = started.browser().launchInFrame(PLATFORM.idToken(claims), started.state());
        assertThat(framed.body()).contains("Open its results in a new tab");
        HttpResponse<String> opened = new LtiBrowser(port).post(LaunchController.OPEN_PATH, Map.of("code", code(framed)));
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/admin/quizzes/" + QUIZ + "/results");

        // no Sec-Fetch-Dest (an older browser): the platform's document_target decides
        Started window = initiate();
        Map<String, Object> windowClaims = PLATFORM.launchClaims(window.nonce(), "sub-framed-prof");
        windowClaims.put("https://purl.imsglobal.org/spec/lti/claim/launch_presentation", Map.of("document_target", "window"));
        assertThat(window.browser().launch(PLATFORM.idToken(windowClaims), window.state()).statusCode()).isEqualTo(302);
        Started frame = initiate();
        Map<String, Object> frameClaims = PLATFORM.launchClaims(frame.nonce(), "sub-framed-prof");
        frameClaims.put("https://purl.imsglobal.org/spec/lti/claim/launch_presentation", Map.of("document_target", "iframe"));
        assertThat(frame.browser().launch(PLATFORM.idToken(frameClaims), frame.state()).statusCode()).isEqualTo(200);
    }

    record Framed(LtiBrowser browser, HttpResponse<String> page) {
    }

    /** A browser signed in by a launch in the page (not framed), as the student with this net id. */
    private LtiBrowser launchedInPage(String subject, String netId) throws Exception {
        Started started = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), subject);
        claims.put(LtiClaims.CUSTOM, Map.of("preferred_username", netId));
        assertThat(started.browser().launch(PLATFORM.idToken(claims), started.state()).statusCode()).isEqualTo(302);
        return started.browser();
    }

    private Framed framedLaunch(String subject, String netId) throws Exception {
        Started started = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), subject);
        claims.put(LtiClaims.CUSTOM, Map.of("preferred_username", netId));
        // the course's own host, which Canvas serves from another host than its issuer
        claims.put("https://purl.imsglobal.org/spec/lti/claim/launch_presentation", Map.of("document_target", "iframe",
                "return_url", COURSE_ORIGIN + "/courses/1/external_content/success"));
        return new Framed(started.browser(), started.browser().launchInFrame(PLATFORM.idToken(claims), started.state()));
    }

    private static String code(HttpResponse<String> framedPage) {
        Matcher code = CODE.matcher(framedPage.body());
        assertThat(code.find()).as("the page's one-time code").isTrue();
        return code.group(1);
    }
}
