package org.quizdesk.account;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.stereotype.Component;

/**
 * The university identity providers configured under {@code spring.security.oauth2.client} (Spring Boot builds the
 * registrations; none configured, none here, and only passwords sign in). Checked once at start-up, so that a set-up
 * that could not work stops the start with a reason instead of failing a class at sign-in time.
 */
@Component
class IdentityProviders {

    /** One "Sign in with …" button: where it starts the sign-in, and the provider's name as configured. */
    record Provider(String registrationId, String name) {

        public String signInPath() {
            return "/oauth2/authorization/" + registrationId;
        }
    }

    private final List<Provider> providers;

    IdentityProviders(ObjectProvider<ClientRegistrationRepository> registrations, SignInProperties properties) {
        List<Provider> found = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object each : all) {
                ClientRegistration registration = (ClientRegistration) each;
                // a plain OAuth2 provider would sign people in without an ID token, as a principal no page knows
                if (!AuthorizationGrantType.AUTHORIZATION_CODE.equals(registration.getAuthorizationGrantType())
                        || !registration.getScopes().contains(OidcScopes.OPENID)) {
                    throw new IllegalStateException("University sign-in is OpenID Connect: the registration \""
                            + registration.getRegistrationId() + "\" needs authorization-grant-type authorization_code"
                            + " and the scope openid (spring.security.oauth2.client.registration."
                            + registration.getRegistrationId() + ".scope)");
                }
                found.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
            }
        }
        if (found.isEmpty() && !properties.localPasswordsForStudents()) {
            throw new IllegalStateException("quizdesk.sign-in.local-passwords-for-students is false, but no university"
                    + " identity provider is configured (spring.security.oauth2.client.registration.*): students could"
                    + " not sign in at all");
        }
        this.providers = List.copyOf(found);
    }

    List<Provider> all() {
        return providers;
    }

    boolean any() {
        return !providers.isEmpty();
    }
}
