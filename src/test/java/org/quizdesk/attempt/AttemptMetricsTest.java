package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AttemptMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AttemptMetrics metrics = new AttemptMetrics(registry);

    @Test
    void savesAreCountedByOutcome() {
        metrics.saved();
        metrics.saved();
        metrics.saveRefused();

        assertThat(registry.counter(AttemptMetrics.SAVES, "outcome", "saved").count()).isEqualTo(2.0);
        assertThat(registry.counter(AttemptMetrics.SAVES, "outcome", "refused").count()).isEqualTo(1.0);
    }

    @Test
    void submissionsAreCountedByWhoSubmittedAndEveryKindIsThereFromTheStart() {
        metrics.submitted(SubmittedBy.DEADLINE);
        metrics.submitted(SubmittedBy.DEADLINE);
        metrics.submitted(SubmittedBy.STUDENT);

        assertThat(registry.counter(AttemptMetrics.SUBMISSIONS, "by", "deadline").count()).isEqualTo(2.0);
        assertThat(registry.counter(AttemptMetrics.SUBMISSIONS, "by", "student").count()).isEqualTo(1.0);
        assertThat(registry.find(AttemptMetrics.SUBMISSIONS).tag("by", "staff").counter()).isNotNull();
        assertThat(registry.counter(AttemptMetrics.SUBMISSIONS, "by", "staff").count()).isZero();
    }

    @Test
    void gradingAndExpiryRunsAreTimedAndTheWorkIsDone() {
        int[] done = new int[2];
        metrics.timeGrading(() -> done[0]++);
        metrics.timeExpiryRun(() -> done[1]++);

        assertThat(done).containsExactly(1, 1);
        assertThat(registry.timer(AttemptMetrics.GRADING).count()).isEqualTo(1);
        assertThat(registry.timer(AttemptMetrics.GRADING).totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(registry.timer(AttemptMetrics.EXPIRY_RUNS).count()).isEqualTo(1);
    }
}
