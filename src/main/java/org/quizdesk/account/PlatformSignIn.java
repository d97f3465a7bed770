package org.quizdesk.account;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quizdesk.account.internal.AccountRepository;
import org.quizdesk.account.internal.AccountRow;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in for a person another system has vouched for (an LMS launch): found on the roster by the claims as
 * {@code quizdesk.sign-in} says (net id claim or verified e-mail), and a session's authentication made for the
 * account, with the account's own role. Checking the other system's token is the caller's work.
 */
@Service
public class PlatformSignIn {

    private final AccountRepository accounts;
    private final SignInProperties properties;

    PlatformSignIn(AccountRepository accounts, SignInProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    /** The name of the claim that carries the net id ({@code quizdesk.sign-in.net-id-claim}). */
    public String netIdClaim() {
        return properties.netIdClaim();
    }

    /** The net id the claims carry in the configured claim (its domain checked and dropped), if any. */
    public Optional<String> netId(Map<String, Object> claims) {
        return UniversityIdentity.netId(claims.get(properties.netIdClaim()), properties.netIdDomain());
    }

    /** The roster's account for these claims; empty when none, or when an e-mail is shared by two accounts. */
    @Transactional(readOnly = true)
    public Optional<Account> match(Map<String, Object> claims) {
        return UniversityIdentity.from(claims, properties).flatMap(identity -> switch (identity.matchBy()) {
            case NET_ID -> accounts.findByUsername(identity.value()).map(AccountRow::toAccount);
            case EMAIL -> {
                List<AccountRow> found = accounts.findByEmailIgnoreCase(identity.value());
                yield found.size() == 1 ? Optional.of(found.get(0).toAccount()) : Optional.empty();
            }
        });
    }

    /**
     * The authentication of a session signed in as this account, the same principal a password gives.
     *
     * @throws IllegalStateException when the account is disabled or does not exist
     */
    @Transactional(readOnly = true)
    public Authentication authenticate(long accountId) {
        AccountRow account = accounts.findById(accountId).filter(AccountRow::isEnabled)
                .orElseThrow(() -> new IllegalStateException("account " + accountId + " is disabled or gone"));
        SignedInUser user = new SignedInUser(account, "", true);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }
}
