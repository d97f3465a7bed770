package org.quizdesk.attempt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What operators watch during a quiz: autosaves (stored or refused), submissions by who submitted them, and
 * how long grading takes. Exposed under /actuator/metrics and /actuator/prometheus.
 */
@Component
public class AttemptMetrics {

    static final String SAVES = "quizdesk.attempts.saves";
    static final String SUBMISSIONS = "quizdesk.attempts.submissions";
    static final String GRADING = "quizdesk.attempts.grading";
    static final String EXPIRY_RUNS = "quizdesk.attempts.expiry.runs";
    static final String SAVES_PER_COMMIT = "quizdesk.attempts.saves-per-commit";
    static final String SUBMISSIONS_PER_COMMIT = "quizdesk.attempts.submissions-per-commit";

    private final Counter saved;
    private final Counter refused;
    private final Counter turnedAway;
    private final DistributionSummary savesPerCommit;
    private final Map<SubmittedBy, Counter> submissions = new EnumMap<>(SubmittedBy.class);
    private final Counter submissionsTurnedAway;
    private final DistributionSummary submissionsPerCommit;
    private final Timer grading;
    private final Timer expiryRuns;

    AttemptMetrics(MeterRegistry registry) {
        saved = Counter.builder(SAVES).tag("outcome", "saved")
                .description("Autosaves and form saves stored").register(registry);
        refused = Counter.builder(SAVES).tag("outcome", "refused")
                .description("Saves refused because the attempt was submitted or its time had run out").register(registry);
        turnedAway = Counter.builder(SAVES).tag("outcome", "busy")
                .description("Saves answered 503 because too many waited for a commit, or their commit did not come in time")
                .register(registry);
        savesPerCommit = DistributionSummary.builder(SAVES_PER_COMMIT)
                .description("Saves written in one shared commit (SaveCommits)").register(registry);
        for (SubmittedBy by : SubmittedBy.values()) {
            submissions.put(by, Counter.builder(SUBMISSIONS).tag("by", by.name().toLowerCase())
                    .description("Attempts submitted, by who submitted them").register(registry));
        }
        submissionsTurnedAway = Counter.builder(SUBMISSIONS + ".busy")
                .description("Submissions answered 503 because their queue stayed full, or their commit did not come in time")
                .register(registry);
        submissionsPerCommit = DistributionSummary.builder(SUBMISSIONS_PER_COMMIT)
                .description("Submissions claimed and graded in one shared commit (SubmitCommits)").register(registry);
        grading = Timer.builder(GRADING).description("Grading a submitted attempt").register(registry);
        expiryRuns = Timer.builder(EXPIRY_RUNS).description("Runs of the job that submits attempts whose time ran out")
                .register(registry);
    }

    void saved() {
        saved.increment();
    }

    void saveRefused() {
        refused.increment();
    }

    void saveTurnedAway() {
        turnedAway.increment();
    }

    void savesCommitted(int saves) {
        savesPerCommit.record(saves);
    }

    void submitted(SubmittedBy by) {
        submissions.get(by).increment();
    }

    void submissionTurnedAway() {
        submissionsTurnedAway.increment();
    }

    void submissionsCommitted(int submissions) {
        submissionsPerCommit.record(submissions);
    }

    void timeGrading(Runnable grade) {
        grading.record(grade);
    }

    void timeExpiryRun(Runnable run) {
        expiryRuns.record(run);
    }
}
