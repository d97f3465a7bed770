package org.quizdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.quizdesk.testsupport.MockUniversity;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** University sign-in matched to the roster by the provider's verified e-mail instead of a net-id claim. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "quizdesk.sign-in.match-by=email")
@ActiveProfiles("test")
class UniversitySignInByEmailTest {

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
    @Autowired FindByIndexNameSessionRepository<? extends Session> sessions;

    @Test
    void aVerifiedEmailFindsTheRosterAccountInAnyCase() throws Exception {
        accounts.create("mail1", "Mail Student", "Mail.Student@Uni.Example", "AA", Role.STUDENT, "student-password-1");
        UniversityBrowser browser = new UniversityBrowser(port);
        // the net-id claim, were it read, names nobody
        UNIVERSITY.nextSignInClaims(Map.of("email", "mail.student@uni.example", "email_verified", true,
                "preferred_username", "not-a-net-id"));

        HttpResponse<String> landed = browser.signInThroughUniversity();

        assertThat(landed.uri().getPath()).isEqualTo("/quizzes");
        assertThat(sessions.findByPrincipalName("mail1")).hasSize(1);
        // passwords stay on for students by default
        assertThat(new UniversityBrowser(port).signInWithPassword("mail1", "student-password-1").statusCode()).isEqualTo(200);
    }

    @Test
    void anEmailTheProviderDoesNotVouchForSignsNobodyIn() throws Exception {
        accounts.create("mail2", "Unverified Student", "unverified@uni.example", "AA", Role.STUDENT, null);
        UniversityBrowser unverified = new UniversityBrowser(port);
        UNIVERSITY.nextSignInClaims(Map.of("email", "unverified@uni.example", "email_verified", false));
        assertThat(unverified.signInThroughUniversity().uri().getQuery()).isEqualTo("reason=no-identity");

        UniversityBrowser unsaid = new UniversityBrowser(port);
        UNIVERSITY.nextSignInClaims(Map.of("email", "unverified@uni.example"));
        assertThat(unsaid.signInThroughUniversity().uri().getQuery()).isEqualTo("reason=no-identity");
        assertThat(sessions.findByPrincipalName("mail2")).isEmpty();
    }

    @Test
    void anEmailTwoAccountsShareNamesNeither() throws Exception {
        accounts.create("shared1", "Shared One", "shared@uni.example", "AA", Role.STUDENT, null);
        accounts.create("shared2", "Shared Two", "SHARED@uni.example", "AA", Role.STUDENT, null);
        UniversityBrowser browser = new UniversityBrowser(port);
        UNIVERSITY.nextSignInClaims(Map.of("email", "shared@uni.example", "email_verified", true));

        HttpResponse<String> page = browser.signInThroughUniversity();

        assertThat(page.uri().getQuery()).isEqualTo("reason=ambiguous-email");
        assertThat(page.body()).contains("More than one account");
        assertThat(sessions.findByPrincipalName("shared1")).isEmpty();
        assertThat(sessions.findByPrincipalName("shared2")).isEmpty();
    }

    @Test
    void anEmailNotOnTheRosterIsRefused() throws Exception {
        UniversityBrowser browser = new UniversityBrowser(port);
        UNIVERSITY.nextSignInClaims(Map.of("email", "stranger@uni.example", "email_verified", true));

        HttpResponse<String> page = browser.signInThroughUniversity();

        assertThat(page.uri().getQuery()).isEqualTo("reason=not-on-roster");
        assertThat(page.body()).contains("signed you in as stranger@uni.example.");
    }
}
