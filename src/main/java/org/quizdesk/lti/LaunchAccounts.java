package org.quizdesk.lti;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.PlatformSignIn;
import org.quizdesk.account.Role;
import org.quizdesk.lti.LaunchRefused.Reason;
import org.quizdesk.lti.internal.AccountLinkRepository;
import org.quizdesk.lti.internal.AccountLinkRow;
import org.quizdesk.lti.internal.RosterMemberRepository;
import org.quizdesk.lti.internal.RosterMemberRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which account a launch is: the one linked to the platform's user ({@code iss} + {@code sub}) at an earlier launch;
 * else the roster's, found by the net-id claim or verified e-mail as {@code quizdesk.sign-in} says; else, where the
 * platform's registration trusts it, by a net id among the launch's custom parameters (where Canvas and Moodle put a
 * login id), a student's account that is no other platform user's; else a new student account, named by the token's
 * net id if it has one.
 * An existing account keeps its own role whatever the platform says, and a launch makes no staff: the roster decides,
 * never a launch. A platform's user with an instructor or TA role whom the roster does not know is refused, since
 * anyone teaching any course on the platform's deployment launches with that role.
 */
@Service
public class LaunchAccounts {

    private static final Logger log = LoggerFactory.getLogger(LaunchAccounts.class);
    private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    private static final String GENERATED_PREFIX = "lti-";
    private static final Pattern GENERATED = Pattern.compile(GENERATED_PREFIX + "[0-9a-f]{12}");

    private final AccountLinkRepository links;
    private final RosterMemberRepository rosterMembers;
    private final PlatformSignIn signIn;
    private final AccountService accounts;
    private final Clock clock;

    LaunchAccounts(AccountLinkRepository links, RosterMemberRepository rosterMembers, PlatformSignIn signIn,
            AccountService accounts, Clock clock) {
        this.links = links;
        this.rosterMembers = rosterMembers;
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
            Account found = matched(launch).orElseGet(() -> create(launch));
            links.save(new AccountLinkRow(issuer, launch.subject(), found.id(), clock.instant()));
            return found;
        });
        if (!account.enabled()) {
            throw new LaunchRefused(Reason.DISABLED, account.username());
        }
        return account;
    }

    /** Which platform user launched into an account, and since when: what staff check after a refused launch. */
    public record Link(String issuer, String subject, Instant since) {
    }

    /** The platform users linked to this account, oldest first (normally one per platform). */
    @Transactional(readOnly = true)
    public List<Link> linksOf(long accountId) {
        return links.findByAccountIdOrderByCreatedAt(accountId).stream()
                .map(row -> new Link(row.getId().issuer(), row.getId().subject(), row.getCreatedAt())).toList();
    }

    /**
     * Forgets which account this platform user is: their next launch finds their account again as a first launch does
     * (a wrong link, a student re-created in the LMS). False when there was no such link.
     */
    @Transactional
    public boolean unlink(String issuer, String subject) {
        Optional<AccountLinkRow> link = links.findById(new AccountLinkRow.Key(issuer, subject));
        link.ifPresent(row -> {
            links.delete(row);
            log.info("LTI launch link removed: {} user {} from account {}", issuer, subject, row.getAccountId());
        });
        return link.isPresent();
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

    /** Whether the platform says the person takes the course: a Learner, as students are (Canvas's test student too). */
    static boolean learner(List<String> roles) {
        return roles.stream().anyMatch(r -> r.equals(MEMBERSHIP + "Learner") || r.equals("Learner"));
    }

    /**
     * The roster's account for the token's claims; else, for a net id among the launch's custom parameters, a
     * student's account, for a Learner's launch without a staff role only. A custom parameter vouches for less than
     * the token: where the platform lets a link's author write over the administrator's (Canvas's links made through
     * its API), a teacher could name anyone. So it finds no staff, serves no staff launch, and finds no account of
     * another user of the platform: one that user has launched into, or one the platform's roster (NRPS) lists under
     * another user id. That launch is refused, which also brings it to staff when somebody came before the student.
     * (A student's first launch without a Learner role, outside a course, gets an account of its own instead.)
     *
     * @throws LaunchRefused when the custom parameter names another user's account
     */
    private Optional<Account> matched(Launch launch) {
        Optional<Account> byToken = signIn.match(launch.claims());
        if (byToken.isPresent() || !(learner(launch.roles()) && role(launch.roles()) == Role.STUDENT)) {
            return byToken;
        }
        String issuer = launch.platform().issuer();
        Optional<Account> student = customNetId(launch).flatMap(netId -> signIn.match(Map.of(signIn.netIdClaim(), netId)))
                .filter(account -> account.role() == Role.STUDENT);
        student.ifPresent(account -> {
            List<String> launched = links.subjects(issuer, account.id());
            List<String> listed = rosterMembers.findByIdIssuerAndNetIdOrderBySeenAtDesc(issuer, account.username()).stream()
                    .map(RosterMemberRow::getSubject).toList();
            if (!launched.isEmpty() || (!listed.isEmpty() && !listed.contains(launch.subject()))) {
                throw new LaunchRefused(Reason.ANOTHER_USERS_ACCOUNT, "custom net id " + account.username() + " for "
                        + issuer + " user " + launch.subject() + "; launched by " + launched + ", listed for " + listed);
            }
        });
        return student;
    }

    /** @throws LaunchRefused when the platform says staff: staff come from the roster */
    private Account create(Launch launch) {
        String generated = generatedUsername(launch.platform().issuer(), launch.subject());
        // imported from the platform's roster (NRPS) without a net id: the account made for exactly this platform user
        Optional<Account> imported = accounts.findByUsername(generated);
        if (imported.isPresent()) {
            return imported.get();
        }
        if (role(launch.roles()) != Role.STUDENT) {
            throw new LaunchRefused(Reason.STAFF_NOT_ON_ROSTER, launch.roles().toString());
        }
        Map<String, Object> claims = launch.claims();
        // named by the token's net id only: a custom parameter's could take a name before its student has an account
        String username = signIn.netId(claims)
                .filter(Account::isNetId).filter(netId -> accounts.findByUsername(netId).isEmpty()).orElse(generated);
        String name = Optional.ofNullable(Launches.text(claims.get("name")))
                .or(() -> Optional.ofNullable(Launches.text(claims.get("given_name")))
                        .map(given -> given + Optional.ofNullable(Launches.text(claims.get("family_name"))).map(f -> " " + f).orElse("")))
                .map(Account::fittingName)
                .orElse(username);
        String email = Optional.ofNullable(Launches.text(claims.get("email"))).filter(Account::isEmail).orElse(null);
        return accounts.create(username, name, email, null, Role.STUDENT, null);
    }

    /** The net id among the launch's custom parameters, when the token carries none and the registration trusts it. */
    private Optional<String> customNetId(Launch launch) {
        Object custom = launch.custom().get(signIn.netIdClaim());
        if (custom == null || !launch.platform().trustsCustomNetId() || launch.claims().containsKey(signIn.netIdClaim())) {
            return Optional.empty();
        }
        // never a generated name: that is one platform user's account (imported from the roster), not a net id
        return signIn.netId(Map.of(signIn.netIdClaim(), custom)).filter(netId -> !GENERATED.matcher(netId).matches());
    }

    /** {@code lti-} and a digest of issuer and subject: stable, unique per platform user, and no one's net id. */
    static String generatedUsername(String issuer, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((issuer + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return GENERATED_PREFIX + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
