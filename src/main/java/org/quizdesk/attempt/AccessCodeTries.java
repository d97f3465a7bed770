package org.quizdesk.attempt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Each student's access-code tries on each quiz, in this node's memory: a few per window, so that a six-digit code
 * cannot be guessed before it changes. Every try counts (counting is atomic, so parallel guesses count too); the
 * right code starts the attempt and needs no more tries.
 */
@Component
class AccessCodeTries {

    private record Window(Instant start, int tries) {
    }

    private final Cache<String, Window> windows;
    private final int allowed;
    private final Duration length;
    private final Clock clock;

    AccessCodeTries(AttemptProperties properties, Clock clock) {
        this.allowed = properties.accessCodeTries();
        this.length = properties.accessCodeWindow();
        this.clock = clock;
        this.windows = Caffeine.newBuilder().expireAfterWrite(length.multipliedBy(2)).maximumSize(200_000).build();
    }

    /** Takes one try of this student on this quiz, or refuses with how long to wait. */
    void take(String quizId, long accountId) {
        Instant now = clock.instant();
        Window window = windows.asMap().compute(quizId + '\n' + accountId, (key, current) ->
                current == null || !now.isBefore(current.start().plus(length)) ? new Window(now, 1)
                        : new Window(current.start(), current.tries() + 1));
        if (window.tries() > allowed) {
            throw AttemptRefused.accessCodeTries(Duration.between(now, window.start().plus(length)));
        }
    }
}
