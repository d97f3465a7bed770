package org.quizdesk.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * University sign-in (OpenID Connect): how a person the identity provider signed in is found on the roster. The
 * providers themselves are Spring Boot's {@code spring.security.oauth2.client.*}; with none, only passwords sign in.
 *
 * @param netIdClaim the ID-token (or user-info) claim that carries the net id, e.g. {@code preferred_username},
 *        {@code eppn}, {@code upn}
 * @param netIdDomain when set (e.g. {@code uni.example}), the claim must read {@code netid@uni.example}, and the
 *        domain is dropped before matching; a value from another domain matches nobody. Empty: the value as it is
 * @param matchBy whether a person is found by net id (the claim above) or by the provider's verified {@code email}
 * @param localPasswordsForStudents whether students may also sign in with a Quizdesk password; staff always may
 */
@ConfigurationProperties("quizdesk.sign-in")
public record SignInProperties(
        @DefaultValue("preferred_username") String netIdClaim,
        @DefaultValue("") String netIdDomain,
        @DefaultValue("net-id") MatchBy matchBy,
        @DefaultValue("true") boolean localPasswordsForStudents) {

    /** Which roster column a signed-in person is looked up by. */
    public enum MatchBy {
        NET_ID, EMAIL
    }
}
