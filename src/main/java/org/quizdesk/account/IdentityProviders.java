package org.quizdesk.account;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * The university identity providers configured under {@code spring.security.oauth2.client} (Spring Boot builds the
 * registrations; none configured, none here, and only passwords sign in). Checked once at start-up, so that a set-up
 * that could not work stops the start with a reason instead of failing a class at sign-in time.
 */
@Component
public class IdentityProviders {

    /** One "Sign in with …" button: where it starts the sign-in, and the provider's name as configured. */
    public record Provider(String registrationId, String name) {

        public String signInPath() {
            return "/oauth2/authorization/" + registrationId;
        }
    }

    private final List<Provider> providers;
    private final List<ClientRegistration> registrations = new ArrayList<>();
    private final ClientRegistrationRepository repository;

    IdentityProviders(ObjectProvider<ClientRegistrationRepository> registrations, SignInProperties properties) {
        List<Provider> found = new ArrayList<>();
        this.repository = registrations.getIfAvailable();
        if (repository instanceof Iterable<?> all) {
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
                this.registrations.add(registration);
            }
        }
        if (found.isEmpty() && !properties.localPasswordsForStudents()) {
            throw new IllegalStateException("quizdesk.sign-in.local-passwords-for-students is false, but no university"
                    + " identity provider is configured (spring.security.oauth2.client.registration.*): students could"
                    + " not sign in at all");
        }
        this.providers = List.copyOf(found);
    }

    /**
     * Where a session a provider signed in ends: at the provider's end-session endpoint (its discovery document's
     * {@code end_session_endpoint}), so that on a shared lab computer the next person's click on the button does not
     * sign them in as the last one; back from there to the sign-in page. A password's session, or a provider without
     * the endpoint, goes straight to the sign-in page.
     */
    LogoutSuccessHandler signOut(String signedOutPath) {
        SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();
        local.setDefaultTargetUrl(signedOutPath);
        Map<String, LogoutSuccessHandler> byProvider = new HashMap<>();
        for (ClientRegistration registration : registrations) {
            OidcClientInitiatedLogoutSuccessHandler university = new OidcClientInitiatedLogoutSuccessHandler(repository);
            university.setDefaultTargetUrl(signedOutPath);
            university.setPostLogoutRedirectUri(publicBase(registration) + signedOutPath);
            byProvider.put(registration.getRegistrationId(), university);
        }
        return (request, response, authentication) -> (authentication instanceof OAuth2AuthenticationToken token
                ? byProvider.getOrDefault(token.getAuthorizedClientRegistrationId(), local)
                : local).onLogoutSuccess(request, response, authentication);
    }

    /**
     * The origins of the providers' end-session endpoints: the sign-out form's post is redirected there, which the
     * page's Content-Security-Policy ({@code form-action}) must allow.
     */
    List<String> signOutOrigins() {
        return registrations.stream()
                .map(registration -> registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint"))
                .filter(String.class::isInstance).map(String.class::cast)
                .map(URI::create).filter(uri -> uri.getScheme() != null && uri.getAuthority() != null)
                .map(uri -> uri.getScheme() + "://" + uri.getAuthority()).distinct().toList();
    }

    /**
     * Quizdesk's public address as the registration's fixed redirect-uri says it (behind a TLS proxy the request's
     * own can be wrong); {@code {baseUrl}}, the request's, when the redirect-uri is Spring's template.
     */
    private static String publicBase(ClientRegistration registration) {
        String redirect = registration.getRedirectUri();
        if (redirect != null && !redirect.startsWith("{")) {
            URI uri = URI.create(redirect);
            if (uri.getScheme() != null && uri.getAuthority() != null) {
                return uri.getScheme() + "://" + uri.getAuthority();
            }
        }
        return "{baseUrl}";
    }

    /** The buttons, in the configured order; also read by the quiz page's sign-in dialog. */
    public List<Provider> all() {
        return providers;
    }

    boolean any() {
        return !providers.isEmpty();
    }
}
