package org.quizdesk.account;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.quizdesk.account.SignInRefused.Reason;
import org.springframework.stereotype.Component;

/**
 * Password checks (BCrypt: tens of milliseconds of CPU each) run a few at a time, about one per processor.
 * A sign-in storm at the start of an exam then waits here briefly or is answered 503, instead of taking every
 * request thread and core from the autosaves of students already writing.
 */
@Component
class PasswordChecks {

    /** What a refused sign-in is told to wait: long enough for a burst to drain, short enough not to annoy. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** Sign-ins that may wait for a slot, per slot: beyond that a storm is answered at once and holds no request thread. */
    static final int WAITING_PER_SLOT = 8;

    private final Semaphore slots;
    private final Duration wait;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();

    PasswordChecks(AccountProperties properties) {
        this.slots = new Semaphore(properties.passwordCheckSlots(), true);
        this.wait = properties.passwordCheckWait();
        this.maxWaiting = properties.passwordCheckSlots() * WAITING_PER_SLOT;
    }

    <T> T run(Supplier<T> check) {
        boolean acquired = false;
        if (waiting.incrementAndGet() <= maxWaiting) {
            try {
                acquired = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        waiting.decrementAndGet();
        if (!acquired) {
            throw new SignInRefused(Reason.BUSY, RETRY_AFTER);
        }
        try {
            return check.get();
        } finally {
            slots.release();
        }
    }
}
