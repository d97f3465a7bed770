package org.quizdesk.attempt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.attempt.internal.ExpiredAttempt;
import org.quizdesk.system.Heartbeat;
import org.quizdesk.system.Outage;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** The server's side of the timer: submits every attempt whose time (and grace) ran out, even across restarts. */
@Component
class ExpiryJob {

    private final AttemptRepository attempts;
    private final Submissions submissions;
    private final QuizGrace grace;
    private final Heartbeat heartbeat;
    private final AttemptProperties properties;
    private final AttemptMetrics metrics;
    private final LiveRooms rooms;
    private final Clock clock;

    ExpiryJob(AttemptRepository attempts, Submissions submissions, QuizGrace grace, Heartbeat heartbeat,
            AttemptProperties properties, AttemptMetrics metrics, LiveRooms rooms, Clock clock) {
        this.rooms = rooms;
        this.attempts = attempts;
        this.submissions = submissions;
        this.grace = grace;
        this.heartbeat = heartbeat;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The scheduled turn of {@link #submitExpiredAttempts()}. With several nodes on one database the lock lets one
     * node at a time take the turn (the others skip it), so they do not all read the same attempts.
     */
    @SchedulerLock(name = "submit-expired-attempts")
    public void run() {
        submitExpiredAttempts();
    }

    /** Each attempt's guarded claim makes its submission happen exactly once, however many callers run this at once. */
    void submitExpiredAttempts() {
        metrics.timeExpiryRun(() -> {
            Instant now = clock.instant();
            Optional<Outage> outage = heartbeat.lastOutage();
            // one query for the candidates, not one per attempt: a whole class may run out at the same second
            List<Long> due = new ArrayList<>();
            for (ExpiredAttempt expired : attempts.findExpired(now.minus(properties.grace()))) {
                if (rooms.of(expired.quizId()).paused()) {
                    // nobody's time runs out while the proctor has stopped the clock; resume moves the deadlines
                    continue;
                }
                // a quiz may have a longer grace than the default; honour it
                Duration quizGrace = grace.of(expired.quizId());
                boolean awaitsFinalAnswers = outage.isPresent()
                        && expired.awaitsFinalAnswersAfter(outage.get(), now, quizGrace, properties.outageWindow());
                if (!now.isBefore(expired.deadline().plus(quizGrace)) && !awaitsFinalAnswers) {
                    due.add(expired.id());
                }
            }
            // in shared commits: one each would hold the pool while the class's own submissions wait for it
            submissions.submitAllAndGrade(due, SubmittedBy.DEADLINE);
        });
    }

    /** Runs the job every {@code quizdesk.attempts.expiry-check-interval}, through its proxy so that the lock applies. */
    @Configuration(proxyBeanMethods = false)
    static class Schedule implements SchedulingConfigurer {

        private final ExpiryJob job;
        private final AttemptProperties properties;

        Schedule(ExpiryJob job, AttemptProperties properties) {
            this.job = job;
            this.properties = properties;
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar registrar) {
            registrar.addFixedDelayTask(new org.springframework.scheduling.config.FixedDelayTask(job::run,
                    properties.expiryCheckInterval(), properties.expiryCheckInterval()));
        }
    }
}
