package org.quizdesk.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The line of sign-ins that found every password check taken: each gets a turn, one check's share of the slots after
 * the turn before it, and is told to come back then (its {@code Retry-After}). Coming back early keeps the place;
 * coming back at the turn gets to wait for a check ahead of anyone new.
 * <p>
 * Without the line, every refused sign-in was told "5 s" and came back at random: with thousands waiting, the server
 * spent its cores answering "busy" to retries, and fewer passwords were checked the longer the line grew (a run of
 * 10,000 arrivals fell from 11 to 2–6 sign-ins a second within five minutes, docs/benchmarks.md). With turns, the
 * retries arrive about as fast as passwords are checked, however long the line.
 * <p>
 * A place is a net id from an address (what the browser's sign-in posts say, with no session needed); a place whose
 * person has not come back within {@link #KEPT_PAST_TURN} of its turn is forgotten. Each node keeps its own line, as
 * each has its own password checks.
 */
final class SignInLine {

    /** How long after its turn a place waits for its person to come back. */
    static final Duration KEPT_PAST_TURN = Duration.ofMinutes(2);
    /** A bound on the places remembered: more than the largest class signing in on one node. */
    private static final int MAX_PLACES = 100_000;

    private final Ticker ticker;
    /** Place → its turn, on the ticker's clock (nanoseconds). */
    private final Cache<String, Long> turns;
    /** The last turn given out: the end of the line. */
    private final AtomicLong lastTurn;

    SignInLine(Ticker ticker) {
        this.ticker = ticker;
        this.lastTurn = new AtomicLong(ticker.read());
        this.turns = Caffeine.newBuilder().ticker(ticker).maximumSize(MAX_PLACES)
                .expireAfter(Expiry.creating((String place, Long turn) ->
                        Duration.ofNanos(Math.max(0, turn - ticker.read())).plus(KEPT_PAST_TURN)))
                .build();
    }

    /** Whether anyone has a turn still to come: someone new then goes to the end of the line. */
    boolean formed() {
        return lastTurn.get() > ticker.read();
    }

    /** Whether the place's turn has come. */
    boolean due(String place) {
        Long turn = turns.getIfPresent(place);
        return turn != null && turn <= ticker.read();
    }

    /**
     * How long until the place's turn: its own if it has one (coming back early moves it neither way), else a new
     * one at the end of the line, {@code interval} after the last.
     */
    Duration untilTurn(String place, Duration interval) {
        long turn = turns.get(place, newPlace -> lastTurn.accumulateAndGet(ticker.read(),
                (last, now) -> Math.max(last, now) + interval.toNanos()));
        return Duration.ofNanos(Math.max(0, turn - ticker.read()));
    }

    /** The place's sign-in got its password check: the place is given up. */
    void leave(String place) {
        turns.invalidate(place);
    }
}
