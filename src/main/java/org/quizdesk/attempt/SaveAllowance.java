package org.quizdesk.attempt;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: up to {@code perSecond} saves at once, then {@code perSecond} a second. Time is a parameter,
 * so the rule is tested with a hand-moved clock.
 */
final class SaveAllowance {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int perSecond;
    /** Tokens in billionths, so that refills of a few milliseconds are not rounded away. */
    private long nanoTokens;
    private Instant refilledAt;

    SaveAllowance(int perSecond, Instant now) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("at least one save a second: " + perSecond);
        }
        this.perSecond = perSecond;
        this.nanoTokens = perSecond * NANOS_PER_SECOND;
        this.refilledAt = now;
    }

    /** Takes one save if allowed: zero; otherwise how long until the next one is, and nothing is taken. */
    synchronized Duration take(Instant now) {
        if (now.isAfter(refilledAt)) {
            long elapsed = Duration.between(refilledAt, now).toNanos();
            // capped at a full bucket; a clock that stepped back refills nothing
            nanoTokens = Math.min(perSecond * NANOS_PER_SECOND, nanoTokens + Math.min(elapsed, NANOS_PER_SECOND) * perSecond);
            refilledAt = now;
        }
        if (nanoTokens >= NANOS_PER_SECOND) {
            nanoTokens -= NANOS_PER_SECOND;
            return Duration.ZERO;
        }
        return Duration.ofNanos((NANOS_PER_SECOND - nanoTokens + perSecond - 1) / perSecond);
    }
}
