package org.quizdesk.attempt;

import java.time.Instant;
import java.util.Optional;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.system.Heartbeat;
import org.quizdesk.system.Outage;
import org.springframework.stereotype.Component;

/** Whether an attempt takes saves and a submission now: in its time and grace, or after an outage it ran out in. */
@Component
class WorkRules {

    private final QuizGrace grace;
    private final Heartbeat heartbeat;
    private final AttemptProperties properties;
    private final LiveRooms rooms;

    WorkRules(QuizGrace grace, Heartbeat heartbeat, AttemptProperties properties, LiveRooms rooms) {
        this.grace = grace;
        this.heartbeat = heartbeat;
        this.properties = properties;
        this.rooms = rooms;
    }

    boolean takesWork(Attempt attempt, Instant now) {
        return attempt.acceptsWorkAt(quizTime(attempt.getQuizId(), now), grace.of(attempt.getQuizId()))
                || outageAllowing(attempt, now).isPresent();
    }

    /**
     * The time the quiz's deadlines are measured against: the clock's, except while the proctor has paused the quiz,
     * when it stands at the pause (so saves and submissions are taken, and nobody's time runs out). Read from the
     * cached room: no query.
     */
    Instant quizTime(String quizId, Instant now) {
        return rooms.of(quizId).timeAt(now);
    }

    /**
     * The outage whose allowance the attempt has now, if any. Read from the heartbeat's memory: no query, and only
     * asked once the usual rule has refused.
     */
    Optional<Outage> outageAllowing(Attempt attempt, Instant now) {
        return heartbeat.lastOutage().filter(outage ->
                attempt.takesFinalAnswersAfter(outage, now, grace.of(attempt.getQuizId()), properties.outageWindow()));
    }

    static AttemptRefused refusalFor(Attempt attempt) {
        // submitted by the server when time ran out: say so, rather than only "submitted"
        if (attempt.isSubmitted() && attempt.getSubmittedBy() != SubmittedBy.DEADLINE) {
            return new AttemptRefused(AttemptRefused.Why.ALREADY_SUBMITTED, "attempt.refused.submitted",
                    "This attempt has been submitted; it takes no more changes.");
        }
        return new AttemptRefused(AttemptRefused.Why.TIME_UP, "attempt.refused.timeUp",
                "Time ran out at " + attempt.getDeadline() + "; your answers saved until then have been submitted.", attempt.getDeadline());
    }
}
