package org.quizdesk.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing: failed sign-ins in a row lock the account (kept in the database, so all
 * nodes agree) and throttle the address they came from (kept in memory, per node).
 */
@Component
public class SignInThrottle {

    private final AccountRepository accounts;
    private final AccountProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, AddressFailures> byAddress = new ConcurrentHashMap<>();

    SignInThrottle(AccountRepository accounts, AccountProperties properties, TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** When an address has failed too often, the instant it may try again. */
    public Optional<Instant> addressBlockedUntil(String address) {
        AddressFailures failures = byAddress.get(address);
        Instant now = clock.instant();
        return failures != null && failures.blockedUntil != null && now.isBefore(failures.blockedUntil)
                ? Optional.of(failures.blockedUntil) : Optional.empty();
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        recordFailure(event);
    }

    private void recordFailure(AbstractAuthenticationFailureEvent event) {
        Instant now = clock.instant();
        String username = String.valueOf(event.getAuthentication().getPrincipal()).trim().toLowerCase();
        transactions.executeWithoutResult(status -> accounts.findByUsername(username)
                .ifPresent(a -> a.recordFailedSignIn(now, properties.lockAfterFailures(), properties.lockFor())));
        address(event.getAuthentication().getDetails()).ifPresent(address ->
                byAddress.computeIfAbsent(address, k -> new AddressFailures()).record(now,
                        // an address may be shared (a lab, a campus NAT): it gets more tries than one account
                        properties.lockAfterFailures() * 4, properties.lockFor()));
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            transactions.executeWithoutResult(status -> accounts.findById(user.accountId()).ifPresent(Account::recordSignIn));
        }
    }

    private static Optional<String> address(Object details) {
        return details instanceof WebAuthenticationDetails web ? Optional.ofNullable(web.getRemoteAddress()) : Optional.empty();
    }

    /** Forgets addresses whose last failure is long past, so the map stays small. */
    @Scheduled(fixedDelay = 600_000)
    void forgetOldFailures() {
        Instant cutoff = clock.instant().minus(properties.lockFor().multipliedBy(2));
        byAddress.values().removeIf(f -> f.lastFailure.isBefore(cutoff));
    }

    private static final class AddressFailures {
        private int count;
        private Instant lastFailure = Instant.EPOCH;
        private Instant blockedUntil;

        synchronized void record(Instant now, int threshold, Duration lock) {
            count++;
            lastFailure = now;
            if (count % threshold == 0) {
                blockedUntil = now.plus(lock);
            }
        }
    }
}
