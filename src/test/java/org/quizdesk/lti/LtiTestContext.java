package org.quizdesk.lti;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.testsupport.LtiPlatform;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context of the LTI tests (a real server for the platform's hops, MockMvc for the admin pages), and
 * the one simulated platform, registered as an instructor would register it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
abstract class LtiTestContext {

    /** Lives as long as the JVM, as the Spring context it is registered in does. */
    static final LtiPlatform PLATFORM = new LtiPlatform();
    static final String QUIZ = "cse493g1-au24-quiz2";

    @LocalServerPort int port;
    @Autowired PlatformRegistrations registrations;
    @Autowired MutableClock clock;
    @Autowired AccountService rosterAccounts;

    @BeforeEach
    void registerPlatform() {
        PLATFORM.useClock(clock);
        PLATFORM.trustToolKeysAt("http://localhost:" + port + "/lti/jwks");
        if (registrations.find(PLATFORM.issuer(), LtiPlatform.CLIENT_ID).isEmpty()) {
            registrations.add(PLATFORM.registrationForm());
        }
    }

    /**
     * Course staff on the roster, as an instructor adds them: a launch finds them by the net id in the token's claim
     * ({@link #STAFF_NET_ID_CLAIM}), never makes them.
     */
    void staffOnRoster(String netId, Role role) {
        if (rosterAccounts.findByUsername(netId).isEmpty()) {
            rosterAccounts.create(netId, "Staff " + netId, null, null, role, null);
        }
    }

    /** The claim of the net id in the tests' configuration ({@code quizdesk.sign-in.net-id-claim}'s default). */
    static final String STAFF_NET_ID_CLAIM = "preferred_username";

    /** A browser that has been through the login initiation: its state cookie set, the state and nonce at hand. */
    record Started(LtiBrowser browser, String state, String nonce) {
    }

    Started initiate() throws Exception {
        LtiBrowser browser = new LtiBrowser(port);
        var redirect = browser.initiateLogin(Map.of("iss", PLATFORM.issuer(), "login_hint", "hint-1",
                "target_link_uri", "https://quiz.example/quizzes/" + QUIZ, "client_id", LtiPlatform.CLIENT_ID,
                "lti_deployment_id", LtiPlatform.DEPLOYMENT_ID));
        Map<String, String> query = LtiBrowser.query(redirect);
        return new Started(browser, query.get("state"), query.get("nonce"));
    }
}
