package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptDeadlineTest {

    static final Instant START = Instant.parse("2026-03-02T17:00:00Z");

    @Test
    void timeLimitTimesTheFactorPlusExtraMinutes() {
        assertThat(AttemptDeadline.of(START, Duration.ofMinutes(30), BigDecimal.ONE, 0, null)).isEqualTo(START.plusSeconds(1800));
        assertThat(AttemptDeadline.of(START, Duration.ofMinutes(30), new BigDecimal("1.5"), 0, null)).isEqualTo(START.plusSeconds(2700));
        assertThat(AttemptDeadline.of(START, Duration.ofMinutes(30), new BigDecimal("1.25"), 10, null))
                .isEqualTo(START.plusSeconds(2250 + 600));
    }

    @Test
    void neverAfterTheWindowCloses() {
        Instant closes = START.plusSeconds(600);
        assertThat(AttemptDeadline.of(START, Duration.ofMinutes(30), new BigDecimal("2"), 0, closes)).isEqualTo(closes);
        assertThat(AttemptDeadline.of(START, Duration.ofMinutes(5), BigDecimal.ONE, 0, closes)).isEqualTo(START.plusSeconds(300));
    }

    @Test
    void fractionalSecondsRoundToTheNearestSecond() {
        assertThat(AttemptDeadline.of(START, Duration.ofSeconds(7), new BigDecimal("1.5"), 0, null)).isEqualTo(START.plusSeconds(11));
    }
}
