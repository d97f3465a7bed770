package org.quizdesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PasswordChecksTest {

    final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    static PasswordChecks checks(int slots, Duration wait) {
        return new PasswordChecks(new AccountProperties("instructor", "x", false, 5, Duration.ofMinutes(5), slots, wait, Duration.ofDays(1)));
    }

    @Test
    void aSignInThatCannotExpectASlotWithinTheWaitIsRefusedAtOnceAndOneThatCanWaits() throws Exception {
        PasswordChecks checks = checks(1, Duration.ofMillis(300));
        // checks take about 200 ms now: the moving average learns it
        for (int i = 0; i < 3; i++) {
            checks.run("test", () -> sleep(200));
        }
        assertThat(checks.typicalCheck()).isBetween(Duration.ofMillis(190), Duration.ofMillis(290));

        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        threads.submit(() -> checks.run("holder", () -> {
            holding.countDown();
            await(release);
            return null;
        }));
        holding.await();
        // the first to find the slot taken can expect it within one check's time: it waits
        Future<Long> waiter = threads.submit(() -> checks.run("waiter", () -> 1L));
        Thread.sleep(100);
        assertThat(waiter.isDone()).as("it waits for the slot").isFalse();

        // with one ahead, the next would need two checks' time, more than the wait: refused without waiting at all
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            String place = "late " + i;
            assertThatThrownBy(() -> checks.run(place, () -> 1L)).isInstanceOfSatisfying(SignInRefused.class,
                    refused -> assertThat(refused.busy()).isTrue());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused at once").isLessThan(Duration.ofMillis(100));
        }

        release.countDown();
        assertThat(waiter.get(5, TimeUnit.SECONDS)).as("the one that waited got its check").isEqualTo(1L);
    }

    @Test
    void aFreeSlotIsTakenEvenWhenChecksWereSlowLately() {
        PasswordChecks checks = checks(1, Duration.ofMillis(100));
        checks.run("test", () -> sleep(400));
        assertThat(checks.typicalCheck()).isGreaterThan(Duration.ofMillis(100));
        // longer than the wait, yet a free slot never refuses: the average could otherwise never come down again
        assertThat(checks.run("test", () -> "checked")).isEqualTo("checked");
    }

    @Test
    void refusedSignInsGetTurnsOneCheckApartAndComingBackEarlyNeitherLosesNorGainsAPlace() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        PasswordChecks checks = new PasswordChecks(new AccountProperties("instructor", "x", false, 5, Duration.ofMinutes(5), 1,
                Duration.ofMillis(50), Duration.ofDays(1)), now::get);
        // checks take 2 s now
        checks.run("warm-up", () -> now.addAndGet(Duration.ofSeconds(2).toNanos()));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> holder = threads.submit(() -> checks.run("holder", () -> {
            holding.countDown();
            await(release);
            return null;
        }));
        holding.await();

        assertThat(refusal(checks, "ann")).isEqualTo(Duration.ofSeconds(2));
        assertThat(refusal(checks, "bob")).isEqualTo(Duration.ofSeconds(4));
        assertThat(refusal(checks, "cat")).isEqualTo(Duration.ofSeconds(6));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        // back a second early: the same turn, a second nearer
        assertThat(refusal(checks, "bob")).isEqualTo(Duration.ofSeconds(3));

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        // ann's turn has come, but the slot is still taken after the wait: she is asked back at once, keeping her turn
        assertThat(refusal(checks, "ann")).isEqualTo(Duration.ZERO);
        // someone new joins the end of the line, behind cat, however soon a slot might be free
        assertThat(refusal(checks, "dan")).isEqualTo(Duration.ofSeconds(6));

        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        // ann signs in; her place is given up, so a later refusal is a new turn at the end
        assertThat(checks.run("ann", () -> "checked")).isEqualTo("checked");
    }

    /** The time until the place's turn, as the refusal says it. */
    private static Duration refusal(PasswordChecks checks, String place) {
        try {
            checks.run(place, () -> {
                throw new AssertionError(place + " got a check while the slot was taken");
            });
        } catch (SignInRefused refused) {
            assertThat(refused.busy()).isTrue();
            return refused.retryAfter();
        }
        throw new AssertionError("not refused");
    }

    /** A check that takes {@code millis}. */
    static Object sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
