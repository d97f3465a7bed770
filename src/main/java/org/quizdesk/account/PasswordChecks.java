package org.quizdesk.account;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.quizdesk.account.SignInRefused.Reason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Password checks (BCrypt: tens of milliseconds of CPU each) run a few at a time, about one per processor.
 * A sign-in storm at the start of an exam then waits here briefly or is answered 503, instead of taking every
 * request thread and core from the autosaves of students already writing.
 * <p>
 * A sign-in waits for a slot only when it can expect one within the wait: the sign-ins already waiting, divided among
 * the slots, times how long a check takes now (measured, a moving average: under load a check takes several times
 * its idle time). Any other is refused at once, so a refusal holds no request thread; one that would have waited the
 * whole wait and been refused anyway is the costly kind this avoids. A refused sign-in gets a turn in the
 * {@link SignInLine} and is told when to come back; once the line has formed, someone new joins its end instead of
 * waiting ahead of those who came before.
 */
@Component
class PasswordChecks {

    /** Sign-ins that may wait for a slot, per slot, however quick the checks: a bound on the threads held. */
    static final int WAITING_PER_SLOT = 8;

    /** A check's time before any was measured: BCrypt's cost 10 on a slow core. */
    static final Duration FIRST_GUESS = Duration.ofMillis(100);

    private final Semaphore slots;
    private final int slotCount;
    private final Duration wait;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();
    /** A moving average of recent checks' durations, in nanoseconds; negative until the first check. */
    private final AtomicLong checkNanos = new AtomicLong(-1);
    private final Ticker ticker;
    private final SignInLine line;

    @Autowired
    PasswordChecks(AccountProperties properties) {
        this(properties, Ticker.systemTicker());
    }

    PasswordChecks(AccountProperties properties, Ticker ticker) {
        this.ticker = ticker;
        this.line = new SignInLine(ticker);
        this.slotCount = properties.passwordCheckSlots();
        this.slots = new Semaphore(slotCount, true);
        this.wait = properties.passwordCheckWait();
        this.maxWaiting = slotCount * WAITING_PER_SLOT;
    }

    /**
     * Runs the check in a slot, or refuses it with the time until its turn in the line.
     *
     * @param place who is signing in, for their place in the line (see {@link SignInLine})
     */
    <T> T run(String place, Supplier<T> check) {
        if (!acquire(place)) {
            throw new SignInRefused(Reason.BUSY, line.untilTurn(place, typicalCheck().dividedBy(slotCount)));
        }
        line.leave(place);
        long started = ticker.read();
        try {
            return check.get();
        } finally {
            slots.release();
            measured(ticker.read() - started);
        }
    }

    /** Sign-ins waiting for a slot now. */
    int waiting() {
        return waiting.get();
    }

    /** How long a check takes now (the moving average). */
    Duration typicalCheck() {
        long nanos = checkNanos.get();
        return nanos < 0 ? FIRST_GUESS : Duration.ofNanos(nanos);
    }

    private boolean acquire(String place) {
        int ahead = waiting.getAndIncrement();
        try {
            // a free slot is taken at once (after any sign-in already waiting: the semaphore is fair)
            if (slots.tryAcquire(0, TimeUnit.MILLISECONDS)) {
                return true;
            }
            // one whose turn has come waits even behind more than the wait's worth (the turns are spaced by how fast
            // checks go); someone new waits only where no line has formed and a slot can be expected within the wait
            boolean worthWaiting = line.due(place)
                    ? ahead < 2 * maxWaiting
                    : !line.formed() && ahead < maxWaiting && expectedWait(ahead).compareTo(wait) <= 0;
            return worthWaiting && slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Until a slot comes for a sign-in with {@code ahead} others waiting before it: their turns, then its own slot's. */
    private Duration expectedWait(int ahead) {
        return typicalCheck().multipliedBy(ahead / slotCount + 1);
    }

    /** A moving average weighting the last check by a quarter: it follows a change of load within a few checks. */
    private void measured(long nanos) {
        checkNanos.updateAndGet(average -> average < 0 ? nanos : average + (nanos - average) / 4);
    }
}
