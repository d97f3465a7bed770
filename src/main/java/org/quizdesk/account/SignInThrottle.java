package org.quizdesk.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quizdesk.account.SignInRefused.Reason;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without handing anyone a way to lock an owner out. Failures are counted per source:
 * a net id from one trusted device (its cookie), or, from a device the server does not know, a net id from one
 * address, the address over all net ids, and the net id over all unknown devices. A sign-in claims one try from
 * each of its counters before its password is checked and is refused while any of them is used up; a success
 * gives the tries back. The owner on a device they signed in on before counts only against that device, so
 * a classmate's failures elsewhere (or at the same address) never stop them.
 *
 * <p>The net id's counter over unknown devices is the one a classmate can use up from addresses the owner never
 * used. When it is, an address with no tries for the net id in the window still gets its first try (the owner at a
 * lab computer gets in); an address that has failed for the net id is refused. A guesser spread over many addresses
 * so gets one more try per new address, no more.
 *
 * <p>Counters live in the database so every node agrees. Each statement runs on its own (no transaction): a
 * claim is one guarded update, so 50 parallel guesses get no more tries than 50 sequential ones, and only one of
 * them can be an address's first try.
 */
@Component
class SignInThrottle {

    /** An address is shared (a lab, a campus NAT), and an owner may try from several places: more tries than one source. */
    static final int SHARED_FACTOR = 4;

    /** One counter a sign-in is checked against: its key, how many tries its window allows, and what refusing it means. */
    record Counter(String key, int limit, Reason reason, boolean clearedBySuccess) {
    }

    /** The tries one sign-in holds, to give back when it succeeds or never reached its password check. */
    record Claim(List<Counter> counters) {
    }

    private final JdbcClient jdbc;
    private final AccountProperties properties;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, AccountProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** The counters of a sign-in as {@code username} from {@code source}; the source's own counter comes first. */
    List<Counter> countersFor(String username, SignInSource source) {
        String name = username.length() > 100 ? username.substring(0, 100) : username;
        int perSource = properties.lockAfterFailures();
        if (source.trustedDevice().isPresent()) {
            return List.of(new Counter("device:" + source.trustedDevice().get(), perSource, Reason.DEVICE, true));
        }
        return List.of(
                new Counter("source:" + name + "@" + source.address(), perSource, Reason.DEVICE, true),
                new Counter("account:" + name, perSource * SHARED_FACTOR, Reason.ACCOUNT, false),
                new Counter("address:" + source.address(), perSource * SHARED_FACTOR, Reason.NETWORK, false));
    }

    /** Refuses a sign-in whose counters are used up, by reading them only (the claim is what decides). */
    void refuseIfUsedUp(String username, SignInSource source) {
        Instant now = clock.instant();
        List<Counter> counters = countersFor(username, source);
        for (Counter counter : counters) {
            Optional<Instant> usedUpUntil = usedUpUntil(counter, now);
            if (usedUpUntil.isPresent() && !(waivedForFirstTry(counter) && triesIn(counters.get(0), now) == 0)) {
                throw new SignInRefused(counter.reason(), Duration.between(now, usedUpUntil.get()));
            }
        }
    }

    /**
     * Takes one try from each counter of this sign-in, or none: when one is used up, the tries already taken are
     * given back and the sign-in is refused until that counter's window ends. The net id's counter over unknown
     * devices is skipped when this sign-in took the first try of its own source (see the class comment).
     */
    Claim claim(String username, SignInSource source) {
        Instant now = clock.instant();
        List<Counter> claimed = new ArrayList<>();
        boolean firstFromSource = false;
        for (Counter counter : countersFor(username, source)) {
            Try taken = claimOne(counter, now);
            if (taken.usedUpUntil().isPresent()) {
                if (waivedForFirstTry(counter) && firstFromSource) {
                    continue;
                }
                release(new Claim(claimed));
                throw new SignInRefused(counter.reason(), Duration.between(now, taken.usedUpUntil().get()));
            }
            if (claimed.isEmpty()) { // the source's own counter
                firstFromSource = taken.first();
            }
            claimed.add(counter);
        }
        return new Claim(claimed);
    }

    /** The net id's counter over unknown devices, which a source's first try in the window passes even when used up. */
    private static boolean waivedForFirstTry(Counter counter) {
        return counter.reason() == Reason.ACCOUNT;
    }

    /** When the counter's window ends, if its tries are used up. */
    private Optional<Instant> usedUpUntil(Counter counter, Instant now) {
        return jdbc.sql("select window_ends from sign_in_counter where counter_key = ? and tries >= ? and window_ends > ?")
                .params(counter.key(), counter.limit(), utc(now)).query(OffsetDateTime.class).optional()
                .map(OffsetDateTime::toInstant);
    }

    /** The tries a counter holds in its current window (0 without a row, or once its window ended). */
    private int triesIn(Counter counter, Instant now) {
        return jdbc.sql("select tries from sign_in_counter where counter_key = ? and window_ends > ?")
                .params(counter.key(), utc(now)).query(Integer.class).optional().orElse(0);
    }

    /** The password was right: the failing-source counters start over, the shared ones get their try back. */
    void succeeded(Claim claim) {
        for (Counter counter : claim.counters()) {
            if (counter.clearedBySuccess()) {
                jdbc.sql("delete from sign_in_counter where counter_key = ?").param(counter.key()).update();
            } else {
                giveBack(counter);
            }
        }
    }

    /** The password was never checked (the server was busy): nothing is counted. */
    void release(Claim claim) {
        claim.counters().forEach(this::giveBack);
    }

    private void giveBack(Counter counter) {
        jdbc.sql("update sign_in_counter set tries = tries - 1 where counter_key = ? and tries > 0").param(counter.key()).update();
    }

    /** What one counter answered a claim: a try taken (and whether it was the window's first), or used up until when. */
    private record Try(boolean first, Optional<Instant> usedUpUntil) {

        static final Try TAKEN = new Try(false, Optional.empty());
        static final Try FIRST = new Try(true, Optional.empty());

        static Try usedUpUntil(Instant windowEnds) {
            return new Try(false, Optional.of(windowEnds));
        }
    }

    /** Takes one try from the counter, or says until when it is used up. */
    private Try claimOne(Counter counter, Instant now) {
        for (int round = 0; round < 3; round++) {
            // the usual case: a try left in the current window, after earlier ones
            if (jdbc.sql("update sign_in_counter set tries = tries + 1"
                            + " where counter_key = ? and tries > 0 and tries < ? and window_ends > ?")
                    .params(counter.key(), counter.limit(), utc(now)).update() == 1) {
                return Try.TAKEN;
            }
            // a window that has ended starts over; only one of several parallel callers can win this
            if (jdbc.sql("update sign_in_counter set tries = 1, window_ends = ? where counter_key = ? and window_ends <= ?")
                    .params(utc(now.plus(properties.lockFor())), counter.key(), utc(now)).update() == 1) {
                return Try.FIRST;
            }
            // a window whose tries were all given back: the next try is its first again, and again only one caller wins
            if (jdbc.sql("update sign_in_counter set tries = 1 where counter_key = ? and tries = 0 and window_ends > ?")
                    .params(counter.key(), utc(now)).update() == 1) {
                return Try.FIRST;
            }
            Optional<Instant> usedUpUntil = usedUpUntil(counter, now);
            if (usedUpUntil.isPresent()) {
                return Try.usedUpUntil(usedUpUntil.get());
            }
            boolean rowExists = jdbc.sql("select count(*) from sign_in_counter where counter_key = ?")
                    .param(counter.key()).query(Integer.class).single() > 0;
            if (rowExists) {
                continue; // the row changed between the statements (a window ended, a try was given back): try again
            }
            try {
                jdbc.sql("insert into sign_in_counter (counter_key, tries, window_ends) values (?, 1, ?)")
                        .params(counter.key(), utc(now.plus(properties.lockFor()))).update();
                return Try.FIRST;
            } catch (DuplicateKeyException firstUseRace) {
                // another sign-in created the row first: claim from it like any other
            }
        }
        return Try.usedUpUntil(now.plus(properties.lockFor()));
    }

    /** Rows whose window has ended count nothing; deleting them keeps the table as small as the current traffic. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void forgetEndedWindows() {
        jdbc.sql("delete from sign_in_counter where window_ends <= ?").param(utc(clock.instant())).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
