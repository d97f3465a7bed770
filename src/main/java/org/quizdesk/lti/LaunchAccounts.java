package org.quizdesk.lti;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.PlatformSignIn;
import org.quizdesk.account.Role;
import org.quizdesk.lti.LaunchRefused.Reason;
import org.quizdesk.lti.internal.AccountLinkRepository;
import org.quizdesk.lti.internal.AccountLinkRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which account a launch is: the one linked to the platform's user ({@code iss} + {@code sub}) at an earlier launch;
 * else the roster's, found by the net-id claim or verified e-mail as {@code quizdesk.sign-in} says (the claim is looked
 * for among the token's claims, then among the link's custom parameters, where Canvas and Moodle can put a login id);
 * else a new account, a student unless the LTI roles say instructor or teaching assistant. An existing account keeps
 * its own role whatever the platform says: the roster decides, never a launch.
 */
@Service
public class LaunchAccounts {

    private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

    private final AccountLinkRepository links;
    private final PlatformSignIn signIn;
    private final AccountService accounts;
    private final Clock clock;

    LaunchAccounts(AccountLinkRepository links, PlatformSignIn signIn, AccountService accounts, Clock clock) {
        this.links = links;
        this.signIn = signIn;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** @throws LaunchRefused when the account is disabled */
    @Transactional
    public Account accountOf(Launch launch) {
        String issuer = launch.platform().issuer();
        AccountLinkRow.Key key = new AccountLinkRow.Key(issuer, launch.subject());
        Optional<Account> linked = links.findById(key).flatMap(link -> accounts.find(link.getAccountId()));
        Account account = linked.orElseGet(() -> {
            Map<String, Object> identity = identityClaims(launch);
            Account found = signIn.match(identity).orElseGet(() -> create(launch, identity));
            links.save(new AccountLinkRow(issuer, launch.subject(), found.id(), clock.instant()));
            return found;
        });
        if (!account.enabled()) {
            throw new LaunchRefused(Reason.DISABLED, account.username());
        }
        return account;
    }

    /** The role a launch gives a new account: LTI Instructor → instructor, TeachingAssistant → TA, anyone else a student. */
    static Role role(List<String> roles) {
        boolean assistant = roles.stream().anyMatch(r -> r.endsWith("Instructor#TeachingAssistant") || r.equals("TeachingAssistant"));
        if (assistant) {
            return Role.TA;
        }
        boolean instructor = roles.stream().anyMatch(r -> r.equals(MEMBERSHIP + "Instructor") || r.equals("Instructor"));
        return instructor ? Role.INSTRUCTOR : Role.STUDENT;
    }

    private Account create(Launch launch, Map<String, Object> identity) {
        String generated = generatedUsername(launch.platform().issuer(), launch.subject());
        // imported from the platform's roster (NRPS) without a net id: the account made for exactly this platform user
        Optional<Account> imported = accounts.findByUsername(generated);
        if (imported.isPresent()) {
            return imported.get();
        }
        String username = signIn.netId(identity).filter(netId -> accounts.findByUsername(netId).isEmpty()).orElse(generated);
        String name = Optional.ofNullable(Launches.text(identity.get("name")))
                .or(() -> Optional.ofNullable(Launches.text(identity.get("given_name")))
                        .map(given -> given + Optional.ofNullable(Launches.text(identity.get("family_name"))).map(f -> " " + f).orElse("")))
                .orElse(username);
        return accounts.create(username, name, Launches.text(identity.get("email")), null, role(launch.roles()), null);
    }

    /**
     * The token's claims, with the net-id claim taken from the custom parameters when the token has none (only that
     * one: a custom parameter must not vouch for an e-mail address).
     */
    private Map<String, Object> identityClaims(Launch launch) {
        Map<String, Object> identity = new HashMap<>(launch.claims());
        Object custom = launch.custom().get(signIn.netIdClaim());
        if (!identity.containsKey(signIn.netIdClaim()) && custom != null) {
            identity.put(signIn.netIdClaim(), custom);
        }
        return identity;
    }

    /** {@code lti-} and a digest of issuer and subject: stable, unique per platform user, and no one's net id. */
    static String generatedUsername(String issuer, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((issuer + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return "lti-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
