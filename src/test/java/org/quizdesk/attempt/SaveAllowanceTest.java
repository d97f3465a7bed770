package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;

class SaveAllowanceTest {

    final MutableClock clock = new MutableClock(MutableClockConfiguration.START);

    @Test
    void twoSavesASecondAreTakenAndTheThirdWaitsForTheNextHalfSecond() {
        SaveAllowance allowance = new SaveAllowance(2, clock.instant());

        assertThat(allowance.take(clock.instant())).isZero();
        assertThat(allowance.take(clock.instant())).isZero();
        assertThat(allowance.take(clock.instant())).isEqualTo(Duration.ofMillis(500));

        clock.advance(Duration.ofMillis(200));
        assertThat(allowance.take(clock.instant())).isEqualTo(Duration.ofMillis(300));
        clock.advance(Duration.ofMillis(300));
        assertThat(allowance.take(clock.instant())).isZero();
        assertThat(allowance.take(clock.instant())).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aRefusedSaveTakesNothingSoASteadyTwoASecondIsAlwaysTaken() {
        SaveAllowance allowance = new SaveAllowance(2, clock.instant());
        allowance.take(clock.instant());
        allowance.take(clock.instant());
        for (int i = 0; i < 20; i++) {
            assertThat(allowance.take(clock.instant())).isPositive();
            clock.advance(Duration.ofMillis(500));
            assertThat(allowance.take(clock.instant())).as("save %d", i).isZero();
        }
    }

    @Test
    void aLongPauseFillsTheBucketOnlyToItsSize() {
        SaveAllowance allowance = new SaveAllowance(2, clock.instant());
        clock.advance(Duration.ofHours(3));

        assertThat(allowance.take(clock.instant())).isZero();
        assertThat(allowance.take(clock.instant())).isZero();
        assertThat(allowance.take(clock.instant())).isPositive();
    }

    @Test
    void aClockThatStepsBackRefillsNothing() {
        SaveAllowance allowance = new SaveAllowance(1, clock.instant());
        assertThat(allowance.take(clock.instant())).isZero();

        clock.advance(Duration.ofSeconds(-30));
        assertThat(allowance.take(clock.instant())).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(31));
        assertThat(allowance.take(clock.instant())).isZero();
    }
}
