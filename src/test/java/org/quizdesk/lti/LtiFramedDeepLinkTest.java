package org.quizdesk.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountAdministration;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.testsupport.LtiPlatform;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.util.HtmlUtils;

/**
 * A deep-linking launch inside the LMS's frame (Canvas's assignment selection, Moodle's picker) over HTTP: the picker
 * in the launch's answer, framable only by the platform, with no session; its post brings the one-time ticket (no
 * cookie, no CSRF token) and answers the same signed response as the picker in a tab; a tampered, expired, reused or
 * borrowed ticket, and a student's framed deep-linking launch, are refused.
 */
class LtiFramedDeepLinkTest extends LtiTestContext {

    private static final Pattern TICKET = Pattern.compile("name=\"ticket\" value=\"([^\"]+)\"");
    private static final Pattern RETURN_FORM = Pattern.compile("<form method=\"post\" id=\"lti-return\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern HANDOFF_CODE = Pattern.compile("name=\"code\" value=\"([^\"]+)\"");
    private static final Pattern JWT = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"");
    private static final String COURSE_ORIGIN = "https://course.lms.example";
    private static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    @Autowired QuizCatalog catalog;
    @Autowired AccountService accounts;
    @Autowired AccountAdministration administration;
    @Autowired FindByIndexNameSessionRepository<? extends Session> sessions;

    @Test
    void anInstructorPicksAQuizInsideTheFrameWithTheTicketAloneAndThePlatformGetsTheSignedLink() throws Exception {
        HttpResponse<String> picker = framedDeepLink("sub-fdl-prof", "fdl-prof", INSTRUCTOR);

        assertThat(picker.statusCode()).isEqualTo(200);
        assertThat(picker.body()).contains("Add a quiz to the course", "value=\"" + QUIZ + "\"", "works for 10 minutes")
                .contains("action=\"/lti/deep-link/framed\"").doesNotContain("type=\"hidden\" name=\"_csrf\"");
        assertFramableByThePlatformOnly(picker);
        assertThat(sessions.findByPrincipalName("fdl-prof")).as("nobody signed in inside the frame").isEmpty();
        String ticket = ticket(picker);

        // the frame's posts carry no cookie of the launch's browser and no CSRF token: the ticket is the proof
        LtiBrowser frame = new LtiBrowser(port);
        HttpResponse<String> none = frame.post(FramedDeepLinkController.PICK_PATH, Map.of("ticket", ticket));
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).contains("Choose a quiz.");
        assertThat(ticket(none)).as("the ticket stays usable after a post without a choice").isEqualTo(ticket);
        assertFramableByThePlatformOnly(none);

        HttpResponse<String> answer = frame.post(FramedDeepLinkController.PICK_PATH, Map.of("ticket", ticket, "quiz", QUIZ));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertFramableByThePlatformOnly(answer);
        Matcher form = RETURN_FORM.matcher(answer.body());
        assertThat(form.find()).isTrue();
        assertThat(HtmlUtils.htmlUnescape(form.group(1))).isEqualTo(PLATFORM.url("/deep-link-return"));
        assertThat(answer.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("form-action 'self' " + PLATFORM.issuer());
        assertThat(answer.body().substring(form.start())).doesNotContain("_csrf\" value");
        JWTClaimsSet claims = verifiedResponse(answer);
        assertThat(claims.getIssuer()).isEqualTo(LtiPlatform.CLIENT_ID);
        assertThat(claims.getAudience()).containsExactly(PLATFORM.issuer());
        assertThat(claims.getClaim(LtiClaims.MESSAGE_TYPE)).isEqualTo("LtiDeepLinkingResponse");
        assertThat(claims.getClaim(LtiClaims.DEPLOYMENT_ID)).isEqualTo(LtiPlatform.DEPLOYMENT_ID);
        assertThat(claims.getClaim(LtiClaims.DEEP_LINKING_DATA)).isEqualTo("platform-data-42");
        List<Object> items = claims.getListClaim(LtiClaims.CONTENT_ITEMS);
        assertThat(items).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> link = (Map<String, Object>) items.get(0);
        assertThat(link).containsEntry("type", "ltiResourceLink")
                .containsEntry("url", "http://localhost:" + port + "/quizzes/" + QUIZ)
                .containsEntry("custom", Map.of("quiz", QUIZ));
        @SuppressWarnings("unchecked")
        Map<String, Object> lineItem = (Map<String, Object>) link.get("lineItem");
        assertThat(new BigDecimal(lineItem.get("scoreMaximum").toString()))
                .isEqualByComparingTo(catalog.currentOrThrow(QUIZ).quiz().maxPoints());
        assertThat(lineItem).containsEntry("resourceId", QUIZ);
        assertThat(sessions.findByPrincipalName("fdl-prof")).as("still nobody signed in").isEmpty();

        // the same ticket again (a second click, or someone who copied the page): refused, inside the platform's frame
        HttpResponse<String> reused = new LtiBrowser(port).post(FramedDeepLinkController.PICK_PATH, Map.of("ticket", ticket, "quiz", QUIZ));
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.body()).contains("quiz picker has been used already or has expired").doesNotContain("name=\"JWT\"");
        assertFramableByThePlatformOnly(reused);
        assertThat(new LtiBrowser(port).get(FramedDeepLinkController.PICK_PATH + "?ticket=" + ticket).statusCode()).isEqualTo(410);
    }

    @Test
    void aTamperedMissingOrBorrowedTicketIsRefusedAndAnswersNothingToThePlatform() throws Exception {
        String ticket = ticket(framedDeepLink("sub-fdl-tamper", "fdl-tamper", INSTRUCTOR));
        String tampered = (ticket.charAt(0) == 'A' ? "B" : "A") + ticket.substring(1);

        for (Map<String, String> bad : List.of(Map.of("ticket", tampered, "quiz", QUIZ), Map.of("quiz", QUIZ),
                Map.of("ticket", ticket + "x", "quiz", QUIZ))) {
            HttpResponse<String> refused = new LtiBrowser(port).post(FramedDeepLinkController.PICK_PATH, bad);
            assertThat(refused.statusCode()).as(bad.toString()).isEqualTo(410);
            assertThat(refused.body()).doesNotContain("name=\"JWT\"");
            // a code this tool never made names no platform: that page stays unframeable
            assertThat(refused.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
        // single-purpose: the ticket opens no tab signed in as the instructor, and a hand-off code picks nothing
        LtiBrowser asOpen = new LtiBrowser(port);
        assertThat(asOpen.post(LaunchController.OPEN_PATH, Map.of("code", ticket)).statusCode()).isEqualTo(410);
        assertThat(asOpen.get("/admin").statusCode()).isEqualTo(302);
        String handoff = handoffCode(framedResourceLaunch());
        assertThat(new LtiBrowser(port).post(FramedDeepLinkController.PICK_PATH, Map.of("ticket", handoff, "quiz", QUIZ)).statusCode())
                .isEqualTo(410);

        // the untouched ticket still works: nothing above used it up
        HttpResponse<String> answer = new LtiBrowser(port).post(FramedDeepLinkController.PICK_PATH, Map.of("ticket", ticket, "quiz", QUIZ));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("name=\"JWT\"");
    }

    @Test
    void theTicketExpiresAfterTenMinutes() throws Exception {
        String ticket = ticket(framedDeepLink("sub-fdl-late", "fdl-late", INSTRUCTOR));
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        HttpResponse<String> late = new LtiBrowser(port).post(FramedDeepLinkController.PICK_PATH, Map.of("ticket", ticket, "quiz", QUIZ));

        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("has expired").doesNotContain("name=\"JWT\"");
        assertFramableByThePlatformOnly(late);
    }

    @Test
    void aStudentsFramedDeepLinkingLaunchIsRefusedWithoutATicket() throws Exception {
        HttpResponse<String> refused = framedDeepLink("sub-fdl-student", "fdl-student",
                "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Only course staff can add a quiz").doesNotContain("name=\"ticket\"");
    }

    @Test
    void anInstructorDisabledAfterTheLaunchCannotPickWithTheTicket() throws Exception {
        String ticket = ticket(framedDeepLink("sub-fdl-gone", "fdl-gone", INSTRUCTOR));
        administration.disable(accounts.findByUsername("fdl-gone").orElseThrow().id(), "instructor");

        HttpResponse<String> refused = new LtiBrowser(port).post(FramedDeepLinkController.PICK_PATH, Map.of("ticket", ticket, "quiz", QUIZ));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("This account is disabled").doesNotContain("name=\"JWT\"");
        assertFramableByThePlatformOnly(refused);
    }

    private HttpResponse<String> framedDeepLink(String subject, String netId, String role) throws Exception {
        Started started = initiate();
        Map<String, Object> claims = LtiDeepLinkTest.deepLinkingClaims(started.nonce(), subject);
        claims.put(LtiClaims.ROLES, List.of(role));
        if (role.equals(INSTRUCTOR)) {
            staffOnRoster(netId, Role.INSTRUCTOR);
        }
        claims.put(STAFF_NET_ID_CLAIM, netId);
        // Canvas serves the course from another host than its issuer
        claims.put("https://purl.imsglobal.org/spec/lti/claim/launch_presentation", Map.of("document_target", "iframe",
                "return_url", COURSE_ORIGIN + "/courses/1/external_tools"));
        return started.browser().launchInFrame(PLATFORM.idToken(claims), started.state());
    }

    private HttpResponse<String> framedResourceLaunch() throws Exception {
        staffOnRoster("fdl-handoff", Role.INSTRUCTOR);
        Started started = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), "sub-fdl-handoff");
        claims.put(LtiClaims.ROLES, List.of(INSTRUCTOR));
        claims.put(STAFF_NET_ID_CLAIM, "fdl-handoff");
        return started.browser().launchInFrame(PLATFORM.idToken(claims), started.state());
    }

    /** The one-time code of a resource-link launch's framed page. */
    private static String handoffCode(HttpResponse<String> framedPage) {
        Matcher code = HANDOFF_CODE.matcher(framedPage.body());
        assertThat(code.find()).as("the framed page's hand-off code").isTrue();
        return code.group(1);
    }

    private static void assertFramableByThePlatformOnly(HttpResponse<String> page) {
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("frame-ancestors " + PLATFORM.issuer()).contains(COURSE_ORIGIN).doesNotContain("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
    }

    private static String ticket(HttpResponse<String> picker) {
        Matcher ticket = TICKET.matcher(picker.body());
        assertThat(ticket.find()).as("the picker's ticket").isTrue();
        return ticket.group(1);
    }

    /** The signed response as the platform checks it: against the tool's published key set. */
    private JWTClaimsSet verifiedResponse(HttpResponse<String> answer) throws Exception {
        Matcher jwt = JWT.matcher(answer.body());
        assertThat(jwt.find()).isTrue();
        SignedJWT response = SignedJWT.parse(jwt.group(1));
        JWKSet published = JWKSet.parse(new LtiBrowser(port).get("/lti/jwks").body());
        RSAKey key = (RSAKey) published.getKeyByKeyId(response.getHeader().getKeyID());
        assertThat(key).as("signed with a published key").isNotNull();
        assertThat(response.verify(new RSASSAVerifier(key))).isTrue();
        return response.getJWTClaimsSet();
    }
}
