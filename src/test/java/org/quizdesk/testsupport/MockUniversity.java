package org.quizdesk.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OpenID provider over HTTP in the test's process (mock-oauth2-server): discovery, authorization endpoint,
 * token endpoint, key set and user info, its tokens signed with its own key. Each sign-in takes the claims a test
 * queued for it; without one queued, a random subject with no net id.
 */
public final class MockUniversity {

    public static final String REGISTRATION = "uni";
    public static final String CLIENT_ID = "quizdesk-test";
    public static final String NAME = "Example University";

    private final MockOAuth2Server server = new MockOAuth2Server();

    public MockUniversity() {
        server.start();
    }

    /** Quizdesk's client registration for this provider, as an operator would set it (README). */
    public void register(DynamicPropertyRegistry properties) {
        String prefix = "spring.security.oauth2.client.registration." + REGISTRATION + ".";
        properties.add(prefix + "client-id", () -> CLIENT_ID);
        properties.add(prefix + "client-secret", () -> "test-secret");
        properties.add(prefix + "client-name", () -> NAME);
        properties.add(prefix + "scope", () -> "openid,profile,email");
        properties.add("spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri",
                () -> server.issuerUrl(REGISTRATION).toString());
    }

    /** The next sign-in's ID token (and user info) carries these claims, for this client. */
    public void nextSignInClaims(Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(REGISTRATION, "subject-" + System.nanoTime(), "JWT",
                List.of(CLIENT_ID), claims, 3600));
    }

    /** The next ID token is made out to another client of the same provider (its "aud" claim). */
    public void nextSignInForAnotherClient(Map<String, Object> claims) {
        Map<String, Object> withAudience = new HashMap<>(claims);
        withAudience.put("aud", List.of("another-app"));
        nextSignInClaims(withAudience);
    }

    public String host() {
        return server.baseUrl().host() + ":" + server.baseUrl().port();
    }

    public void stop() {
        server.shutdown();
    }
}
