package org.quizdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.quizdesk.testsupport.MockUniversity;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.internal.AccountRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * University sign-in end to end over HTTP against a real OpenID provider: the authorization code flow through its real
 * redirects, the ID token checked by Spring and matched to the roster here. Configured as a university might: the
 * net id in {@code eppn} as {@code netid@uni.example}, and students without local passwords.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quizdesk.sign-in.net-id-claim=eppn",
        "quizdesk.sign-in.net-id-domain=uni.example",
        "quizdesk.sign-in.local-passwords-for-students=false"})
@ActiveProfiles("test")
class UniversitySignInTest {

    static final MockUniversity UNIVERSITY = new MockUniversity();

    @DynamicPropertySource
    static void university(DynamicPropertyRegistry properties) {
        UNIVERSITY.register(properties);
    }

    @AfterAll
    static void stopUniversity() {
        UNIVERSITY.stop();
    }

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired AccountRepository accountRows;
    @Autowired FindByIndexNameSessionRepository<? extends Session> sessions;
    @Autowired AccountSessions accountSessions;

    @Test
    void aRosteredStudentSignsInThroughTheUniversityAndLandsOnTheirQuizzes() throws Exception {
        accounts.create("jdoe", "Jane Doe", "jane@uni.example", "AA", Role.STUDENT, null);
        UniversityBrowser browser = new UniversityBrowser(port);
        UNIVERSITY.nextSignInClaims(Map.of("eppn", "JDoe@uni.example"));

        HttpResponse<String> landed = browser.signInThroughUniversity();

        // Quizdesk -> the provider's authorization endpoint -> Quizdesk's callback -> the start page -> the quiz list
        assertThat(browser.hops.get(1).getAuthority()).isEqualTo(UNIVERSITY.host());
        assertThat(browser.hops.get(1).getQuery()).contains("client_id=" + MockUniversity.CLIENT_ID, "nonce=", "state=");
        assertThat(browser.hops.get(2).getPath()).isEqualTo("/login/oauth2/code/" + MockUniversity.REGISTRATION);
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getPath()).isEqualTo("/quizzes");
        assertThat(landed.body()).contains("Jane Doe");
        // the session is the same kind as a password's: in the database, found by the net id ("end sessions" works)
        assertThat(sessions.findByPrincipalName("jdoe")).hasSize(1);
        assertThat(accountSessions.end("jdoe")).isEqualTo(1);
        assertThat(browser.get("/quizzes").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/signin"));
    }

    @Test
    void theNetIdComesFromTheConfiguredClaimNotFromPreferredUsername() throws Exception {
        accounts.create("asmith", "Alex Smith", null, "AA", Role.STUDENT, null);
        accounts.create("someone-else", "Someone Else", null, "AA", Role.STUDENT, null);
        UniversityBrowser browser = new UniversityBrowser(port);
        UNIVERSITY.nextSignInClaims(Map.of("eppn", "asmith@uni.example", "preferred_username", "someone-else"));

        assertThat(browser.signInThroughUniversity().body()).contains("Alex Smith").doesNotContain("Someone Else");
        assertThat(sessions.findByPrincipalName("asmith")).hasSize(1);
        assertThat(sessions.findByPrincipalName("someone-else")).isEmpty();
    }

    @Test
    void theRoleIsTheRostersNeverTheTokens() throws Exception {
        accounts.create("rolestudent", "Role Student", null, "AA", Role.STUDENT, null);
        accounts.create("roleta", "Role Ta", null, null, Role.TA, "ta-password-1");
        UniversityBrowser student = new UniversityBrowser(port);
        UNIVERSITY.nextSignInClaims(Map.of("eppn", "rolestudent@uni.example", "roles", java.util.List.of("INSTRUCTOR", "ROLE_INSTRUCTOR"),
                "groups", java.util.List.of("staff", "instructors")));
        student.signInThroughUniversity();
        assertThat(student.get("/quizzes").statusCode()).isEqualTo(200);
        assertThat(student.get("/admin").statusCode()).isEqualTo(403);

        UniversityBrowser ta = new UniversityBrowser(port);
        UNIVERSITY.nextSignInClaims(Map.of("eppn", "roleta@uni.example", "roles", java.util.List.of("INSTRUCTOR")));
        HttpResponse<String> landed = ta.signInThroughUniversity();
        assertThat(landed.uri().getPath()).isEqualTo("/admin");
        assertThat(ta.get("/admin").statusCode()).isEqualTo(200);
        // instructors' pages stay closed to a TA whatever the token says
        assertThat(ta.get("/admin/roster").statusCode()).isEqualTo(403);
    }

    @Test
    void someoneNotOnTheRosterIsRefusedWithAPageThatSaysWhatToDoAndNoAccountIsMade() throws Exception {
        UniversityBrowser browser = new UniversityBrowser(port);
        UNIVERSITY.nextSignInClaims(Map.of("eppn", "newcomer@uni.example"));

        HttpResponse<String> page = browser.signInThroughUniversity();

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.uri().getPath()).isEqualTo("/signin/refused");
        assertThat(page.body()).contains("Ask your instructor to add you to the course roster").contains("signed you in as newcomer.");
        assertThat(accountRows.findByUsername("newcomer")).isEmpty();
        assertThat(browser.get("/quizzes").statusCode()).isEqualTo(302);
        // a reload, or the page in German, still says it (the session keeps it); a crafted link says nothing of the kind
        assertThat(browser.get("/signin/refused?lang=de").body()).contains("als newcomer angemeldet");
        assertThat(new UniversityBrowser(port).get("/signin/refused?reason=not-on-roster&identity=newcomer").body())
                .doesNotContain("newcomer").contains("did not complete");
    }

    @Test
    void aDisabledAccountIsRefused() throws Exception {
        long id = accounts.create("gone", "Gone Student", null, "AA", Role.STUDENT, null).id();
        accountRows.findById(id).ifPresent(row -> {
            row.disable();
            accountRows.save(row);
        });
        UniversityBrowser browser = new UniversityBrowser(port);
        UNIVERSITY.nextSignInClaims(Map.of("eppn", "gone@uni.example"));

        HttpResponse<String> page = browser.signInThroughUniversity();

        assertThat(page.uri().getPath()).isEqualTo("/signin/refused");
        assertThat(page.body()).contains("This account is disabled");
        assertThat(sessions.findByPrincipalName("gone")).isEmpty();
        assertThat(browser.get("/quizzes").statusCode()).isEqualTo(302);
    }

    @Test
    void aNetIdFromAnotherDomainMatchesNobody() throws Exception {
        accounts.create("twin", "Twin Student", null, "AA", Role.STUDENT, null);
        UniversityBrowser browser = new UniversityBrowser(port);
        UNIVERSITY.nextSignInClaims(Map.of("eppn", "twin@elsewhere.example"));

        HttpResponse<String> page = browser.signInThroughUniversity();

        assertThat(page.uri().getQuery()).isEqualTo("reason=no-identity");
        assertThat(sessions.findByPrincipalName("twin")).isEmpty();
    }

    @Test
    void anIdTokenIssuedForAnotherClientIsRefusedThoughThePersonIsOnTheRoster() throws Exception {
        accounts.create("audience", "Audience Student", null, "AA", Role.STUDENT, null);
        UniversityBrowser browser = new UniversityBrowser(port);
        UNIVERSITY.nextSignInForAnotherClient(Map.of("eppn", "audience@uni.example"));

        HttpResponse<String> page = browser.signInThroughUniversity();

        assertThat(page.uri().getPath()).isEqualTo("/signin/refused");
        assertThat(page.uri().getQuery()).isEqualTo("reason=failed");
        assertThat(page.body()).contains("did not complete");
        assertThat(sessions.findByPrincipalName("audience")).isEmpty();
        assertThat(browser.get("/quizzes").statusCode()).isEqualTo(302);
    }

    @Test
    void studentsAreRefusedALocalPasswordWhileStaffKeepTheirs() throws Exception {
        accounts.create("pwstudent", "Password Student", null, "AA", Role.STUDENT, "student-password-1");
        accounts.create("pwprof", "Password Prof", null, null, Role.INSTRUCTOR, "staff-password-1");

        HttpResponse<String> student = new UniversityBrowser(port).signInWithPassword("pwstudent", "student-password-1");
        assertThat(student.statusCode()).isEqualTo(403);
        assertThat(UniversityBrowser.json(student).get("error").asString()).isEqualTo("university_sign_in");
        assertThat(sessions.findByPrincipalName("pwstudent")).isEmpty();
        // a wrong password is answered like any other, so a guess does not learn who is a student
        assertThat(new UniversityBrowser(port).signInWithPassword("pwstudent", "wrong").statusCode()).isEqualTo(401);

        HttpResponse<String> staff = new UniversityBrowser(port).signInWithPassword("pwprof", "staff-password-1");
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(UniversityBrowser.json(staff).get("username").asString()).isEqualTo("pwprof");
    }

    @Test
    void signingOutEndsTheUniversitysSessionTooSoTheNextPersonAtALabComputerIsNotSignedInAsTheLast() throws Exception {
        accounts.create("leaver", "Lab Leaver", null, "AA", Role.STUDENT, null);
        UniversityBrowser browser = new UniversityBrowser(port);
        UNIVERSITY.nextSignInClaims(Map.of("eppn", "leaver@uni.example"));
        browser.signInThroughUniversity();

        HttpResponse<String> signedOut = browser.signOut();

        String endSession = signedOut.headers().firstValue("Location").orElseThrow();
        assertThat(java.net.URI.create(endSession).getAuthority()).isEqualTo(UNIVERSITY.host());
        assertThat(endSession).contains("id_token_hint=", "post_logout_redirect_uri=");
        HttpResponse<String> back = browser.follow(endSession);
        assertThat(back.uri().getPath()).isEqualTo("/signin");
        assertThat(back.uri().getQuery()).isEqualTo("signedout");
        assertThat(sessions.findByPrincipalName("leaver")).isEmpty();
        // the sign-out form's post may lead to the provider: the page's policy allows that origin, and only it
        assertThat(back.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("form-action 'self' http://" + UNIVERSITY.host() + ";"));
    }

    @Test
    void aPasswordSessionSignsOutStraightToTheSignInPage() throws Exception {
        accounts.create("pwleaver", "Password Leaver", null, null, Role.TA, "staff-password-2");
        UniversityBrowser browser = new UniversityBrowser(port);
        assertThat(browser.signInWithPassword("pwleaver", "staff-password-2").statusCode()).isEqualTo(200);

        assertThat(browser.signOut().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/signin?signedout"));
    }

    @Test
    void theSignInPageOffersTheUniversityFirstAndSaysWhomThePasswordFormIsFor() throws Exception {
        String page = new UniversityBrowser(port).get("/signin").body();

        assertThat(page).contains("Sign in with " + MockUniversity.NAME, "href=\"/oauth2/authorization/" + MockUniversity.REGISTRATION + "\"",
                "The password form is for course staff");
        assertThat(page.indexOf("Sign in with " + MockUniversity.NAME)).isLessThan(page.indexOf("id=\"password\""));
    }

    @Autowired RosterImport roster;
    @Autowired PasswordSetupService setups;

    @Test
    void withStudentPasswordsOffARosterImportGivesSetupCodesToNewStaffButNotToNewStudents() {
        RosterImport.Result result = roster.apply("""
                net id,name,email,section,role
                nocode-student,No Code,nocode@uni.example,AA,student
                code-ta,Code Ta,codeta@uni.example,AA,ta
                """, "instructor");

        assertThat(result.created()).isEqualTo(2);
        assertThat(result.codesIssued()).isEqualTo(1);
        long student = accounts.findByUsername("nocode-student").orElseThrow().id();
        long ta = accounts.findByUsername("code-ta").orElseThrow().id();
        assertThat(setups.outstanding()).extracting(PasswordSetup::accountId).contains(ta).doesNotContain(student);
    }
}
