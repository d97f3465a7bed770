package org.quizdesk.lti;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends the scores that are due, every {@code quizdesk.lti.passback-interval}. With several nodes the scheduler lock
 * lets one node at a time take the turn; a row is sent in its own transaction and only while it is still pending.
 */
@Component
public class ScorePassbackJob {

    private final ScorePassback passback;

    ScorePassbackJob(ScorePassback passback) {
        this.passback = passback;
    }

    @SchedulerLock(name = "lti-score-passback")
    public void run() {
        sendDue();
    }

    /** Also for tests, which run it with their own clock. */
    public void sendDue() {
        passback.due().forEach(passback::send);
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule implements SchedulingConfigurer {

        private final ScorePassbackJob job;
        private final LtiProperties properties;

        Schedule(ScorePassbackJob job, LtiProperties properties) {
            this.job = job;
            this.properties = properties;
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar registrar) {
            registrar.addFixedDelayTask(new FixedDelayTask(job::run, properties.passbackInterval(), properties.passbackInterval()));
        }
    }
}
