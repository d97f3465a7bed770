package org.quizdesk.account;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.quizdesk.account.SignInProperties.MatchBy;

/**
 * Which roster entry a person the identity provider signed in claims to be: the net id from the configured claim
 * (its domain checked and dropped), or the verified e-mail address. Nothing else of the token is read.
 */
record UniversityIdentity(MatchBy matchBy, String value) {

    static final String EMAIL = "email";
    static final String EMAIL_VERIFIED = "email_verified";

    /** Empty when the claims carry no usable value (missing, blank, another domain, an unverified e-mail). */
    static Optional<UniversityIdentity> from(Map<String, Object> claims, SignInProperties properties) {
        return switch (properties.matchBy()) {
            case NET_ID -> netId(claims.get(properties.netIdClaim()), properties.netIdDomain())
                    .map(netId -> new UniversityIdentity(MatchBy.NET_ID, netId));
            case EMAIL -> verifiedEmail(claims).map(email -> new UniversityIdentity(MatchBy.EMAIL, email));
        };
    }

    /** The claim's value as a net id: trimmed, lower-case, {@code @domain} dropped when it is the configured domain. */
    static Optional<String> netId(Object claim, String domain) {
        if (!(claim instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        int at = value.lastIndexOf('@');
        if (domain != null && !domain.isBlank() && at >= 0) {
            // jdoe@other.example is somebody else's jdoe: only the university's own domain is dropped
            if (!value.substring(at + 1).equals(domain.trim().toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
            value = value.substring(0, at);
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /**
     * Only an e-mail the provider vouches for ({@code email_verified: true}): an address anyone can type into their
     * profile at a multi-tenant provider would otherwise sign them in as whoever owns it on the roster.
     */
    private static Optional<String> verifiedEmail(Map<String, Object> claims) {
        Object verified = claims.get(EMAIL_VERIFIED);
        if (!(Boolean.TRUE.equals(verified) || "true".equals(verified))) {
            return Optional.empty();
        }
        return claims.get(EMAIL) instanceof String email && email.contains("@")
                ? Optional.of(email.trim().toLowerCase(Locale.ROOT))
                : Optional.empty();
    }
}
