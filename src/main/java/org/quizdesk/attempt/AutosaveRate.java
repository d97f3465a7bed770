package org.quizdesk.attempt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Each attempt's autosave allowance, in this node's memory: every autosave is a database write, and no page needs
 * more than a couple a second. With several nodes each counts its own, so a student whose saves are spread over
 * n nodes may save up to n times as often; still bounded, and free of any shared state.
 */
@Component
class AutosaveRate {

    private final Cache<Long, SaveAllowance> allowances;
    private final int perSecond;
    private final Clock clock;

    AutosaveRate(AttemptProperties properties, Clock clock) {
        this.perSecond = properties.autosavesPerSecond();
        this.clock = clock;
        // an allowance unused for a minute is full again anyway
        this.allowances = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(1)).maximumSize(200_000).build();
    }

    /** Takes one autosave of the attempt, or refuses with how long to wait. */
    void take(long attemptId) {
        Duration wait = allowances.get(attemptId, id -> new SaveAllowance(perSecond, clock.instant())).take(clock.instant());
        if (!wait.isZero()) {
            throw AttemptRefused.tooFast(wait);
        }
    }
}
