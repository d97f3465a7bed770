package org.quizdesk.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.lti.internal.AccountLinkRepository;
import org.quizdesk.lti.internal.RosterMemberRepository;
import org.quizdesk.lti.internal.RosterMemberRow;
import org.quizdesk.testsupport.LtiPlatform;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * LTI 1.3 launches over HTTP from a simulated platform: the login initiation's redirect, the id token's form post,
 * and the person landing signed in on the quiz; then every check of the id token failing once each, with the page
 * naming it and nobody signed in.
 */
class LtiLaunchTest extends LtiTestContext {

    @Autowired AccountService accounts;
    @Autowired FindByIndexNameSessionRepository<? extends Session> sessions;
    @Autowired AccountLinkRepository links;
    @Autowired RosterMemberRepository rosterMembers;

    private static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    @Test
    void aLaunchFromThePlatformLandsTheRosteredStudentSignedInOnTheQuiz() throws Exception {
        accounts.create("lstudent", "Launch Student", null, "AA", Role.STUDENT, null);
        LtiBrowser browser = new LtiBrowser(port);

        HttpResponse<String> toPlatform = browser.initiateLogin(Map.of("iss", PLATFORM.issuer(), "login_hint", "hint-7",
                "target_link_uri", "https://quiz.example/quizzes/" + QUIZ, "lti_message_hint", "msg-7",
                "client_id", LtiPlatform.CLIENT_ID, "lti_deployment_id", LtiPlatform.DEPLOYMENT_ID));

        assertThat(toPlatform.statusCode()).isEqualTo(302);
        URI authorize = URI.create(toPlatform.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.getPath()).isEqualTo("/auth");
        Map<String, String> query = LtiBrowser.query(toPlatform);
        assertThat(query).containsEntry("client_id", LtiPlatform.CLIENT_ID).containsEntry("login_hint", "hint-7")
                .containsEntry("lti_message_hint", "msg-7").containsEntry("response_mode", "form_post")
                .containsEntry("response_type", "id_token").containsEntry("scope", "openid").containsEntry("prompt", "none")
                .containsEntry("redirect_uri", "http://localhost:" + port + "/lti/launch");
        // the state comes back in a cross-site form post: its cookie must be SameSite=None (and so Secure)
        assertThat(toPlatform.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(LaunchController.STATE_COOKIE + query.get("state") + "=").contains("SameSite=None", "Secure", "HttpOnly"));

        Map<String, Object> claims = PLATFORM.launchClaims(query.get("nonce"), "sub-lstudent");
        claims.put("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("preferred_username", "LStudent"));
        HttpResponse<String> launched = browser.launch(PLATFORM.idToken(claims), query.get("state"));

        assertThat(launched.statusCode()).isEqualTo(302);
        assertThat(landing(launched)).isEqualTo("/quizzes/" + QUIZ);
        assertThat(browser.cookies).containsKey("SESSION").doesNotContainKey(LaunchController.STATE_COOKIE + query.get("state"));
        HttpResponse<String> quiz = browser.get("/quizzes/" + QUIZ);
        assertThat(quiz.statusCode()).isEqualTo(200);
        assertThat(quiz.body()).contains("Launch Student", "Deep Learning");
        assertThat(sessions.findByPrincipalName("lstudent")).hasSize(1);
    }

    @Test
    void theNextLaunchFindsTheAccountByThePlatformsSubjectAndANewPersonBecomesAStudent() throws Exception {
        Started first = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(first.nonce(), "sub-newcomer");
        claims.put("name", "New Comer");
        claims.put("email", "new@uni.example");
        // a platform's Instructor role makes no staff of an account that exists; a new Learner is a student
        assertThat(landing(first.browser().launch(PLATFORM.idToken(claims), first.state()))).isEqualTo("/quizzes/" + QUIZ);
        String username = createdName("sub-newcomer");
        assertThat(username).startsWith("lti-");
        assertThat(accounts.findByUsername(username)).hasValueSatisfying(a -> {
            assertThat(a.role()).isEqualTo(Role.STUDENT);
            assertThat(a.fullName()).isEqualTo("New Comer");
            assertThat(a.email()).isEqualTo("new@uni.example");
        });

        Started second = initiate();
        Map<String, Object> again = PLATFORM.launchClaims(second.nonce(), "sub-newcomer");
        again.put("https://purl.imsglobal.org/spec/lti/claim/roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"));
        assertThat(landing(second.browser().launch(PLATFORM.idToken(again), second.state()))).isEqualTo("/quizzes/" + QUIZ);
        assertThat(accounts.findByUsername(username).orElseThrow().role()).isEqualTo(Role.STUDENT);
        assertThat(second.browser().get("/admin").statusCode()).isEqualTo(403);
    }

    @Test
    void anInstructorOfAnyCourseWhomTheRosterDoesNotKnowIsRefusedAndNoAccountIsMade() throws Exception {
        // a teacher of another course on the same deployment (a sandbox, a site-wide tool) launches with this role
        for (String role : List.of(INSTRUCTOR, "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant")) {
            Started started = initiate();
            Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), "sub-other-course-teacher");
            claims.put(LtiClaims.ROLES, List.of(role));
            claims.put(LtiClaims.CONTEXT, Map.of("id", "some-other-course", "title", "Somebody's sandbox"));
            claims.put(STAFF_NET_ID_CLAIM, "sandbox-teacher");

            HttpResponse<String> refused = started.browser().launch(PLATFORM.idToken(claims), started.state());

            assertRefused(refused, 403, "staff-not-on-roster", "sub-other-course-teacher");
            assertThat(refused.body()).contains("Quizdesk has no staff account for you");
            assertThat(accounts.findByUsername("sandbox-teacher")).isEmpty();
            assertThat(started.browser().get("/admin/accounts").statusCode()).as("not signed in").isEqualTo(302);
        }
    }

    @Test
    void anInstructorOnTheRosterIsFoundByTheTokensNetIdAndLandsOnTheQuizsResults() throws Exception {
        staffOnRoster("prof-lti", Role.INSTRUCTOR);
        Started started = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), "sub-teacher");
        claims.put(LtiClaims.ROLES, List.of(INSTRUCTOR));
        claims.put(STAFF_NET_ID_CLAIM, "prof-lti");

        HttpResponse<String> launched = started.browser().launch(PLATFORM.idToken(claims), started.state());

        assertThat(landing(launched)).isEqualTo("/admin/quizzes/" + QUIZ + "/results");
        assertThat(started.browser().get("/admin/quizzes/" + QUIZ + "/results").statusCode()).isEqualTo(200);
    }

    @Test
    void aLinksCustomParameterFindsAStudentButNeverAStaffAccount() throws Exception {
        // whoever adds a link to a course writes its custom parameters: here, the course instructor's net id
        Started started = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), "sub-custom-claimant");
        claims.put(LtiClaims.CUSTOM, Map.of("preferred_username", "instructor"));

        assertThat(landing(started.browser().launch(PLATFORM.idToken(claims), started.state()))).isEqualTo("/quizzes/" + QUIZ);

        String made = createdName("sub-custom-claimant");
        assertThat(made).as("a new student account, not the instructor's").startsWith("lti-");
        assertThat(accounts.findByUsername(made).orElseThrow().role()).isEqualTo(Role.STUDENT);
        assertThat(started.browser().get("/admin").statusCode()).isEqualTo(403);

        // a student's net id there still finds the student (Canvas's login id)
        accounts.create("custom-student", "Custom Student", null, "AA", Role.STUDENT, null);
        Started student = initiate();
        Map<String, Object> studentClaims = PLATFORM.launchClaims(student.nonce(), "sub-custom-student");
        studentClaims.put(LtiClaims.CUSTOM, Map.of("preferred_username", "custom-student"));
        assertThat(landing(student.browser().launch(PLATFORM.idToken(studentClaims), student.state()))).isEqualTo("/quizzes/" + QUIZ);
        assertThat(student.browser().get("/quizzes").body()).contains("Custom Student");
    }

    @Test
    void aLaunchWithAStaffRoleIsNeverSignedInAsTheStudentItsCustomParameterNames() throws Exception {
        // a teacher of any course adds a link whose custom parameter is a student's net id, and opens it as teacher
        accounts.create("custom-target", "Custom Target", null, "AA", Role.STUDENT, null);
        Started started = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), "sub-custom-teacher");
        claims.put(LtiClaims.ROLES, List.of(INSTRUCTOR));
        claims.put(LtiClaims.CUSTOM, Map.of("preferred_username", "custom-target"));

        HttpResponse<String> refused = started.browser().launch(PLATFORM.idToken(claims), started.state());

        assertRefused(refused, 403, "staff-not-on-roster", "sub-custom-teacher");
        assertThat(refused.body()).doesNotContain("Custom Target");
        assertThat(started.browser().get("/quizzes").statusCode()).as("not signed in").isEqualTo(302);
        assertThat(links.subjects(PLATFORM.issuer(), accounts.findByUsername("custom-target").orElseThrow().id())).isEmpty();

        // an administrator's launch from outside any course (no Learner role): a new account, not the student's
        Started admin = initiate();
        Map<String, Object> adminClaims = PLATFORM.launchClaims(admin.nonce(), "sub-custom-admin");
        adminClaims.put(LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"));
        adminClaims.put(LtiClaims.CUSTOM, Map.of("preferred_username", "custom-target"));
        assertThat(landing(admin.browser().launch(PLATFORM.idToken(adminClaims), admin.state()))).isEqualTo("/quizzes/" + QUIZ);
        assertThat(createdName("sub-custom-admin")).isNotNull();
        assertThat(admin.browser().get("/quizzes").body()).doesNotContain("Custom Target");
        assertThat(links.subjects(PLATFORM.issuer(), accounts.findByUsername("custom-target").orElseThrow().id())).isEmpty();
    }

    @Test
    void aCustomParameterNamingAStudentWhomAnotherUserOfThePlatformLaunchedAsIsRefused() throws Exception {
        accounts.create("custom-owner", "Custom Owner", null, "AA", Role.STUDENT, null);
        Started owner = initiate();
        Map<String, Object> ownerClaims = PLATFORM.launchClaims(owner.nonce(), "sub-custom-owner");
        ownerClaims.put(LtiClaims.CUSTOM, Map.of("preferred_username", "custom-owner"));
        assertThat(landing(owner.browser().launch(PLATFORM.idToken(ownerClaims), owner.state()))).isEqualTo("/quizzes/" + QUIZ);

        // another user of the platform (a teacher's "student view", another student) with a link naming her
        Started other = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(other.nonce(), "sub-custom-impostor");
        claims.put(LtiClaims.CUSTOM, Map.of("preferred_username", "custom-owner"));
        HttpResponse<String> refused = other.browser().launch(PLATFORM.idToken(claims), other.state());

        assertRefused(refused, 403, "another-users-account", "sub-custom-impostor");
        assertThat(refused.body()).contains("belongs to another user of the platform").doesNotContain("Custom Owner");
        assertThat(other.browser().get("/quizzes").statusCode()).as("not signed in").isEqualTo(302);
        assertThat(links.subjects(PLATFORM.issuer(), accounts.findByUsername("custom-owner").orElseThrow().id()))
                .containsExactly("sub-custom-owner");
    }

    @Test
    void aCustomParameterNamingAStudentWhomThePlatformsRosterListsUnderAnotherUserIsRefused() throws Exception {
        accounts.create("custom-rostered", "Custom Rostered", null, "AA", Role.STUDENT, null);
        rosterMembers.save(new RosterMemberRow(PLATFORM.issuer(), "sub-custom-rostered", "custom-rostered", clock.instant()));

        // the platform's roster says whose net id it is: a teacher's student view naming her is not her
        Started other = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(other.nonce(), "sub-custom-student-view");
        claims.put(LtiClaims.CUSTOM, Map.of("preferred_username", "custom-rostered"));
        assertRefused(other.browser().launch(PLATFORM.idToken(claims), other.state()), 403, "another-users-account",
                "sub-custom-student-view");

        // the user the roster lists under it launches into it
        Started owner = initiate();
        Map<String, Object> ownerClaims = PLATFORM.launchClaims(owner.nonce(), "sub-custom-rostered");
        ownerClaims.put(LtiClaims.CUSTOM, Map.of("preferred_username", "custom-rostered"));
        assertThat(landing(owner.browser().launch(PLATFORM.idToken(ownerClaims), owner.state()))).isEqualTo("/quizzes/" + QUIZ);
        assertThat(owner.browser().get("/quizzes").body()).contains("Custom Rostered");
    }

    @Test
    void aCustomParameterNeitherNamesANewAccountNorReachesAnAccountMadeForOnePlatformUser() throws Exception {
        // a net id nobody has yet: the new account is named by the digest, so the name stays free for its student
        Started first = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(first.nonce(), "sub-custom-squatter");
        claims.put(LtiClaims.CUSTOM, Map.of("preferred_username", "late-enroller"));
        assertThat(landing(first.browser().launch(PLATFORM.idToken(claims), first.state()))).isEqualTo("/quizzes/" + QUIZ);
        assertThat(createdName("sub-custom-squatter")).isNotNull();
        assertThat(accounts.findByUsername("late-enroller")).isEmpty();

        // an account imported from the platform's roster for one user is named by a digest of that user: not a net id
        String imported = LaunchAccounts.generatedUsername(PLATFORM.issuer(), "sub-custom-imported");
        accounts.create(imported, "Imported Student", null, "AA", Role.STUDENT, null);
        Started other = initiate();
        Map<String, Object> otherClaims = PLATFORM.launchClaims(other.nonce(), "sub-custom-digest");
        otherClaims.put(LtiClaims.CUSTOM, Map.of("preferred_username", imported));
        assertThat(landing(other.browser().launch(PLATFORM.idToken(otherClaims), other.state()))).isEqualTo("/quizzes/" + QUIZ);
        assertThat(other.browser().get("/quizzes").body()).doesNotContain("Imported Student");
        assertThat(links.subjects(PLATFORM.issuer(), accounts.findByUsername(imported).orElseThrow().id())).isEmpty();
    }

    @Test
    void aRegistrationThatDoesNotTrustTheCustomParameterMakesANewAccountInstead() throws Exception {
        accounts.create("custom-untrusted", "Custom Untrusted", null, "AA", Role.STUDENT, null);
        Platform platform = registrations.find(PLATFORM.issuer(), LtiPlatform.CLIENT_ID).orElseThrow();
        PlatformForm untrusting = PLATFORM.registrationForm();
        untrusting.setTrustsCustomNetId(false);
        registrations.change(platform.id(), untrusting);
        try {
            Started started = initiate();
            Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), "sub-custom-untrusted");
            claims.put(LtiClaims.CUSTOM, Map.of("preferred_username", "custom-untrusted"));

            assertThat(landing(started.browser().launch(PLATFORM.idToken(claims), started.state()))).isEqualTo("/quizzes/" + QUIZ);

            assertThat(createdName("sub-custom-untrusted")).as("a new account, not the one the parameter names").isNotNull();
            assertThat(started.browser().get("/quizzes").body()).doesNotContain("Custom Untrusted");
        } finally {
            registrations.change(platform.id(), PLATFORM.registrationForm());
        }
    }

    @Test
    void namesAndAddressesTooLongForAnAccountAreCutOrLeftOutNotA500() throws Exception {
        Started started = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), "sub-long-name");
        claims.put("name", "N".repeat(201));
        claims.put("email", "e".repeat(320) + "@uni.example");
        claims.put(STAFF_NET_ID_CLAIM, "n".repeat(101));

        assertThat(landing(started.browser().launch(PLATFORM.idToken(claims), started.state()))).isEqualTo("/quizzes/" + QUIZ);

        assertThat(accounts.findByUsername(createdName("sub-long-name"))).hasValueSatisfying(account -> {
            assertThat(account.fullName()).hasSize(200).startsWith("NNNN").endsWith("…");
            assertThat(account.email()).isNull();
        });
    }

    @Test
    void aSignatureFromAnotherKeyIsRefused() throws Exception {
        Started started = initiate();
        String forged = PLATFORM.forgedIdToken(PLATFORM.launchClaims(started.nonce(), "sub-forged"));
        assertRefused(started.browser().launch(forged, started.state()), 401, "signature", "sub-forged");
    }

    @Test
    void aTokenForAnotherToolIsRefused() throws Exception {
        Started started = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), "sub-audience");
        claims.put("aud", List.of("another-tool"));
        assertRefused(started.browser().launch(PLATFORM.idToken(claims), started.state()), 401, "audience", "sub-audience");
    }

    @Test
    void withSeveralAudiencesTheAuthorizedPartyMustBeQuizdesk() throws Exception {
        Started started = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), "sub-azp");
        claims.put("aud", List.of(LtiPlatform.CLIENT_ID, "another-tool"));
        claims.put("azp", "another-tool");
        assertRefused(started.browser().launch(PLATFORM.idToken(claims), started.state()), 401, "audience", "sub-azp");
    }

    @Test
    void aReplayedLaunchIsRefusedAndANonceFromAnotherLoginToo() throws Exception {
        accounts.create("replayed", "Replay Student", null, "AA", Role.STUDENT, null);
        Started started = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), "sub-replay");
        claims.put("preferred_username", "replayed");
        String token = PLATFORM.idToken(claims);
        assertThat(started.browser().launch(token, started.state()).statusCode()).isEqualTo(302);

        // the same post again, cookie and all (an attacker who captured it): the state and its nonce were used
        LtiBrowser attacker = new LtiBrowser(port);
        attacker.cookies.put(LaunchController.STATE_COOKIE + started.state(), started.state());
        assertRefused(attacker.launch(token, started.state()), 401, "replayed", null);

        // the captured token under a fresh login of the attacker's own: its nonce is not this login's
        Started fresh = initiate();
        assertRefused(fresh.browser().launch(token, fresh.state()), 401, "nonce", null);
    }

    @Test
    void anExpiredTokenIsRefusedAndOneIssuedInTheFutureToo() throws Exception {
        Started started = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), "sub-expired");
        claims.put("iat", Date.from(clock.instant().minus(Duration.ofMinutes(10))));
        claims.put("exp", Date.from(clock.instant().minus(Duration.ofMinutes(5))));
        assertRefused(started.browser().launch(PLATFORM.idToken(claims), started.state()), 401, "expired", "sub-expired");

        Started future = initiate();
        Map<String, Object> early = PLATFORM.launchClaims(future.nonce(), "sub-future");
        early.put("iat", Date.from(clock.instant().plus(Duration.ofMinutes(10))));
        assertRefused(future.browser().launch(PLATFORM.idToken(early), future.state()), 401, "expired", "sub-future");
    }

    @Test
    void anUnknownDeploymentIsRefusedAtTheLaunchAndAtTheLogin() throws Exception {
        Started started = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), "sub-deployment");
        claims.put("https://purl.imsglobal.org/spec/lti/claim/deployment_id", "deployment-of-another-school");
        assertRefused(started.browser().launch(PLATFORM.idToken(claims), started.state()), 403, "deployment", "sub-deployment");

        HttpResponse<String> login = new LtiBrowser(port).initiateLogin(Map.of("iss", PLATFORM.issuer(), "login_hint", "h",
                "target_link_uri", "https://quiz.example/", "client_id", LtiPlatform.CLIENT_ID, "lti_deployment_id", "unknown"));
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(login.body()).contains("This deployment of Quizdesk");
    }

    @Test
    void aStateThisBrowserDidNotStartIsRefused() throws Exception {
        Started victim = initiate();
        String token = PLATFORM.idToken(PLATFORM.launchClaims(victim.nonce(), "sub-state"));

        // login CSRF: the attacker's launch posted from the victim's browser, which holds no cookie for that state
        assertRefused(new LtiBrowser(port).launch(token, victim.state()), 400, "state", "sub-state");
        // a made-up state with a made-up cookie to match
        LtiBrowser forger = new LtiBrowser(port);
        forger.cookies.put(LaunchController.STATE_COOKIE + "made-up", "made-up");
        assertRefused(forger.launch(token, "made-up"), 400, "state", "sub-state");
        // the rightful browser still launches: the failed tries did not use its state up
        assertThat(victim.browser().launch(token, victim.state()).statusCode()).isEqualTo(302);
    }

    @Test
    void otherChecksNameWhatFailed() throws Exception {
        Started issuer = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(issuer.nonce(), "sub-other");
        claims.put("iss", "https://another-lms.example");
        assertRefused(issuer.browser().launch(PLATFORM.idToken(claims), issuer.state()), 401, "issuer", "sub-other");

        Started version = initiate();
        Map<String, Object> old = PLATFORM.launchClaims(version.nonce(), "sub-other");
        old.put("https://purl.imsglobal.org/spec/lti/claim/version", "1.1");
        assertRefused(version.browser().launch(PLATFORM.idToken(old), version.state()), 400, "version", "sub-other");

        Started type = initiate();
        Map<String, Object> unknownType = PLATFORM.launchClaims(type.nonce(), "sub-other");
        unknownType.put("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiSubmissionReviewRequest");
        assertRefused(type.browser().launch(PLATFORM.idToken(unknownType), type.state()), 400, "message-type", "sub-other");

        Started garbage = initiate();
        assertRefused(garbage.browser().launch("not-a-jwt", garbage.state()), 400, "malformed", null);

        Started noQuiz = initiate();
        Map<String, Object> elsewhere = PLATFORM.launchClaims(noQuiz.nonce(), "sub-other");
        elsewhere.put("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", "https://quiz.example/quizzes/no-such-quiz");
        assertRefused(noQuiz.browser().launch(PLATFORM.idToken(elsewhere), noQuiz.state()), 404, "no-quiz", null);

        HttpResponse<String> unknown = new LtiBrowser(port).initiateLogin(Map.of("iss", "https://unknown-lms.example",
                "login_hint", "h", "target_link_uri", "https://quiz.example/"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("not registered with Quizdesk");
        HttpResponse<String> incomplete = new LtiBrowser(port).initiateLogin(Map.of("iss", PLATFORM.issuer()));
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).contains("login-request");
    }

    @Test
    void aPlatformThatRotatedItsKeyIsFetchedAgainForTheUnknownKeyId() throws Exception {
        Started before = initiate();
        assertThat(before.browser().launch(PLATFORM.idToken(PLATFORM.launchClaims(before.nonce(), "sub-rotation")), before.state())
                .statusCode()).isEqualTo(302);
        int fetches = PLATFORM.keySetFetches.get();
        PLATFORM.rotateKey();
        Thread.sleep(1100); // refetches are limited to one a second

        Started after = initiate();
        HttpResponse<String> launched = after.browser().launch(PLATFORM.idToken(PLATFORM.launchClaims(after.nonce(), "sub-rotation")),
                after.state());

        assertThat(launched.statusCode()).isEqualTo(302);
        assertThat(PLATFORM.keySetFetches.get()).isEqualTo(fetches + 1);
    }

    /** Where a launch sends the browser: the path of its redirect (Spring makes it absolute on this host). */
    private String landing(HttpResponse<String> launched) {
        assertThat(launched.statusCode()).isEqualTo(302);
        URI location = URI.create(launched.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPort()).isEqualTo(port);
        return location.getPath();
    }

    /** The refusal page names the check, in the check's status, and the launch signed nobody in. */
    private void assertRefused(HttpResponse<String> page, int status, String check, String subject) {
        assertThat(page.statusCode()).isEqualTo(status);
        assertThat(page.body()).contains("The link from your course did not open Quizdesk", "<code>" + check + "</code>")
                .doesNotContain("Exception", "at org.");
        assertThat(page.headers().firstValue("Location")).isEmpty();
        if (subject != null) {
            assertThat(createdName(subject)).as("no account made for a refused launch").isNull();
        }
    }

    private String createdName(String subject) {
        // a new account's generated name is a digest of issuer and subject (LaunchAccounts)
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((PLATFORM.issuer() + "\n" + subject).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String name = "lti-" + java.util.HexFormat.of().formatHex(digest, 0, 6);
            return accounts.findByUsername(name).isPresent() ? name : null;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
