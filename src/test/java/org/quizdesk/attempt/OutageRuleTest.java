package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.ExpiredAttempt;
import org.quizdesk.system.Outage;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;

/** Which attempts take final answers after a server outage, and until when. */
class OutageRuleTest {

    static final Duration GRACE = Duration.ofSeconds(30);
    static final Duration WINDOW = Duration.ofMinutes(2);
    static final Instant DOWN = MutableClockConfiguration.START;
    static final Instant BACK = DOWN.plus(Duration.ofMinutes(10));
    static final Outage OUTAGE = new Outage(DOWN, BACK);

    final MutableClock clock = new MutableClock(BACK);

    static Attempt attemptDueAt(Instant deadline) {
        return new Attempt("quiz", 1, 1, "Ada", deadline.minus(Duration.ofMinutes(30)), deadline);
    }

    @Test
    void anAttemptWhoseDeadlineFellInTheOutageTakesFinalAnswersForTheWindowAfterIt() {
        Attempt attempt = attemptDueAt(DOWN.plus(Duration.ofMinutes(4)));

        assertThat(attempt.acceptsWorkAt(clock.instant(), GRACE)).isFalse();
        assertThat(attempt.takesFinalAnswersAfter(OUTAGE, clock.instant(), GRACE, WINDOW)).isTrue();
        clock.advance(WINDOW.minusMillis(1));
        assertThat(attempt.takesFinalAnswersAfter(OUTAGE, clock.instant(), GRACE, WINDOW)).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(attempt.takesFinalAnswersAfter(OUTAGE, clock.instant(), GRACE, WINDOW)).isFalse();
    }

    @Test
    void anAttemptWhoseGraceRanIntoTheOutageCountsAsWell() {
        Attempt deadlineJustBefore = attemptDueAt(DOWN.minus(Duration.ofSeconds(20)));
        Attempt graceOverBefore = attemptDueAt(DOWN.minus(GRACE).minusMillis(1));

        assertThat(deadlineJustBefore.takesFinalAnswersAfter(OUTAGE, clock.instant(), GRACE, WINDOW)).isTrue();
        assertThat(graceOverBefore.takesFinalAnswersAfter(OUTAGE, clock.instant(), GRACE, WINDOW)).isFalse();
    }

    @Test
    void anAttemptDueAfterTheServerWasBackGetsNothingExtra() {
        Attempt attempt = attemptDueAt(BACK.plusSeconds(1));
        clock.advance(Duration.ofSeconds(40));

        assertThat(attempt.acceptsWorkAt(clock.instant(), GRACE)).isFalse();
        assertThat(attempt.takesFinalAnswersAfter(OUTAGE, clock.instant(), GRACE, WINDOW)).isFalse();
    }

    @Test
    void theExpiryJobReadsTheSameRuleFromItsLightweightRows() {
        Instant inside = DOWN.plus(Duration.ofMinutes(4));
        ExpiredAttempt expired = new ExpiredAttempt(1L, "quiz", inside);

        assertThat(expired.awaitsFinalAnswersAfter(OUTAGE, clock.instant(), GRACE, WINDOW)).isTrue();
        clock.advance(WINDOW);
        assertThat(expired.awaitsFinalAnswersAfter(OUTAGE, clock.instant(), GRACE, WINDOW)).isFalse();
        assertThat(new ExpiredAttempt(2L, "quiz", DOWN.minus(Duration.ofHours(1)))
                .awaitsFinalAnswersAfter(OUTAGE, BACK, GRACE, WINDOW)).isFalse();
    }
}
