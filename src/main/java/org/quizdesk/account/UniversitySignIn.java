package org.quizdesk.account;

import java.util.List;
import org.quizdesk.account.UniversitySignInRefused.Reason;
import org.quizdesk.account.internal.AccountRepository;
import org.quizdesk.account.internal.AccountRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Who a person the university's identity provider signed in is here. Spring has already checked the ID token
 * (signature against the provider's keys, issuer, audience = our client id, expiry, nonce) when this runs; this
 * finds the roster's account for the configured claim and refuses anyone it does not find, or finds disabled.
 * Nobody is created from a token, and the role is the account's: a token's groups or roles grant nothing.
 */
@Component
class UniversitySignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(UniversitySignIn.class);

    /** Spring's own: reads the user-info endpoint when the provider has one and merges it into the ID token's claims. */
    private final OidcUserService provider = new OidcUserService();
    private final AccountRepository accounts;
    private final SignInProperties properties;

    UniversitySignIn(AccountRepository accounts, SignInProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        String through = request.getClientRegistration().getRegistrationId();
        UniversityIdentity identity = UniversityIdentity.from(signedIn.getClaims(), properties)
                .orElseThrow(() -> refused(Reason.NO_IDENTITY, null, through));
        AccountRow account = find(identity, through);
        if (!account.isEnabled()) {
            throw refused(Reason.DISABLED, identity.value(), through);
        }
        log.debug("{} signed in through {}", account.getUsername(), through);
        return new UniversityUser(account, signedIn);
    }

    private AccountRow find(UniversityIdentity identity, String through) {
        return switch (identity.matchBy()) {
            case NET_ID -> accounts.findByUsername(identity.value())
                    .orElseThrow(() -> refused(Reason.NOT_ON_ROSTER, identity.value(), through));
            case EMAIL -> {
                List<AccountRow> found = accounts.findByEmailIgnoreCase(identity.value());
                if (found.size() > 1) {
                    throw refused(Reason.AMBIGUOUS_EMAIL, identity.value(), through);
                }
                if (found.isEmpty()) {
                    throw refused(Reason.NOT_ON_ROSTER, identity.value(), through);
                }
                yield found.get(0);
            }
        };
    }

    private UniversitySignInRefused refused(Reason reason, String identity, String through) {
        // staff asked "why can't I get in?" find the answer here; the token itself is never logged
        log.info("University sign-in through {} refused for {}: {}", through, identity == null ? "(no "
                + (properties.matchBy() == SignInProperties.MatchBy.EMAIL ? "verified email" : properties.netIdClaim() + " claim")
                + ")" : identity, reason.code());
        return new UniversitySignInRefused(reason, identity);
    }
}
