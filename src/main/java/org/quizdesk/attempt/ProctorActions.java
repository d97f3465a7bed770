package org.quizdesk.attempt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.proctor.Announcement;
import org.quizdesk.proctor.ProctorAction;
import org.quizdesk.proctor.ProctorAction.Kind;
import org.quizdesk.proctor.ProctorLog;
import org.quizdesk.proctor.QuizRooms;
import org.quizdesk.quiz.QuizSettings;
import org.quizdesk.quiz.QuizSettingsService;
import org.quizdesk.quiz.SettingsChange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The proctor's actions on a running quiz: extend time, pause and resume, close now, submit one attempt, announce.
 * Each runs in one transaction with its audit entry ({@link ProctorLog}), which also moves the quiz's live stamp, and
 * then evicts the quiz's cached room on this node, so the students' pages see the change at their next poll or save.
 * Deadlines move by guarded single-row updates: an attempt submitted meanwhile is left alone.
 */
@Service
public class ProctorActions {

    public static final int MIN_MINUTES = 1;
    public static final int MAX_MINUTES = 240;

    private final AttemptRepository attempts;
    private final Submissions submissions;
    private final QuizRooms rooms;
    private final LiveRooms liveRooms;
    private final ProctorLog log;
    private final QuizGrace grace;
    private final WorkRules rules;
    private final QuizSettingsService settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ProctorActions(AttemptRepository attempts, Submissions submissions, QuizRooms rooms, LiveRooms liveRooms, ProctorLog log,
            QuizGrace grace, WorkRules rules, QuizSettingsService settings, TransactionTemplate transactions, Clock clock) {
        this.attempts = attempts;
        this.submissions = submissions;
        this.rooms = rooms;
        this.liveRooms = liveRooms;
        this.log = log;
        this.grace = grace;
        this.rules = rules;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The quiz's attempts still working now: not submitted, and their time (and grace) not run out. */
    public int inProgress(String quizId) {
        return working(quizId, clock.instant()).size();
    }

    /** More time for one student. @throws ProctorActionRefused for a submitted attempt */
    public ProctorAction extend(long attemptId, int minutes, String reason, long actorId) {
        Attempt attempt = attempts.findById(attemptId).orElseThrow(() -> new ProctorActionRefused("There is no such attempt."));
        checkMinutes(minutes);
        if (attempt.isSubmitted()) {
            throw submitted(attempt, "its time cannot be extended");
        }
        return act(attempt.getQuizId(), () -> {
            Instant to = attempt.deadlineMovedBy(Duration.ofMinutes(minutes));
            if (attempts.moveDeadline(attemptId, attempt.getDeadline(), to) == 0) {
                throw new ProctorActionRefused("The attempt was submitted or its time changed meanwhile; look again.");
            }
            return log.record(attempt.getQuizId(), attemptId, actorId, Kind.EXTEND_ONE,
                    "+" + minutes + " min, deadline now " + to.truncatedTo(ChronoUnit.SECONDS), reason);
        });
    }

    /** More time for every student in progress. @throws ProctorActionRefused when nobody is in progress */
    public ProctorAction extendAll(String quizId, int minutes, String reason, long actorId) {
        checkMinutes(minutes);
        return act(quizId, () -> {
            int moved = moveEach(working(quizId, clock.instant()), a -> a.deadlineMovedBy(Duration.ofMinutes(minutes)));
            if (moved == 0) {
                throw new ProctorActionRefused("Nobody is in progress: there is no time to extend.");
            }
            return log.record(quizId, null, actorId, Kind.EXTEND_ALL, "+" + minutes + " min for " + moved + " in progress", reason);
        });
    }

    /** Stops the quiz's clock: nobody's time runs out, nobody starts; saves go on. */
    public ProctorAction pause(String quizId, String reason, long actorId) {
        return act(quizId, () -> {
            Instant now = clock.instant();
            int inProgress = working(quizId, now).size();
            if (!rooms.pause(quizId, actorId, now)) {
                throw new ProctorActionRefused("The quiz is paused already.");
            }
            return log.record(quizId, null, actorId, Kind.PAUSE, "clock stopped for " + inProgress + " in progress", reason);
        });
    }

    /** Lets the clock run again: every attempt that was working at the pause gets the pause's length added. */
    public ProctorAction resume(String quizId, String reason, long actorId) {
        return act(quizId, () -> {
            Instant now = clock.instant();
            Instant pausedAt = rooms.resume(quizId).orElseThrow(() -> new ProctorActionRefused("The quiz is not paused."));
            Duration paused = Duration.between(pausedAt, now);
            int moved = !paused.isNegative() && !paused.isZero()
                    ? moveEach(workingAt(quizId, pausedAt), a -> a.deadlineMovedBy(paused))
                    : 0;
            return log.record(quizId, null, actorId, Kind.RESUME, "paused for " + seconds(paused) + "; " + moved
                    + " deadlines moved by that", reason);
        });
    }

    /**
     * Closes the quiz now: its window closes (nobody starts; personal windows of accommodations are kept), a pause
     * ends, and every attempt in progress has its time end now. The usual grace follows, in which each page sends its
     * final answers as its countdown reaches zero; the expiry job submits the rest after it.
     */
    public ProctorAction closeNow(String quizId, String reason, long actorId) {
        return act(quizId, () -> {
            Instant now = clock.instant();
            List<Attempt> working = working(quizId, now);
            QuizSettings current = settings.settings(quizId);
            Instant opens = current.getOpensAt() != null && current.getOpensAt().isAfter(now) ? now : current.getOpensAt();
            settings.change(quizId, new SettingsChange(current.isPublished(), opens, now, current.getTimeLimitSeconds(),
                    current.getGraceSeconds()));
            rooms.resume(quizId);
            int closed = moveEach(working, a -> a.deadlineClosedAt(now));
            return log.record(quizId, null, actorId, Kind.CLOSE, "window closed; time ended for " + closed + " in progress", reason);
        });
    }

    /** Submits one attempt with its last saved answers, as staff. @throws ProctorActionRefused if it is submitted */
    public ProctorAction submit(long attemptId, String reason, long actorId) {
        Attempt attempt = attempts.findById(attemptId).orElseThrow(() -> new ProctorActionRefused("There is no such attempt."));
        if (attempt.isSubmitted()) {
            throw submitted(attempt, "there is nothing to submit");
        }
        return act(attempt.getQuizId(), () -> {
            if (!submissions.submitAndGrade(attemptId, SubmittedBy.STAFF)) {
                throw submitted(attempts.findById(attemptId).orElseThrow(), "there is nothing to submit");
            }
            return log.record(attempt.getQuizId(), attemptId, actorId, Kind.SUBMIT_ONE, "submitted by staff", reason);
        });
    }

    /** @throws IllegalArgumentException for a blank text or one over {@link Announcement#MAX_LENGTH} characters */
    public ProctorAction announce(String quizId, String text, long actorId) {
        return act(quizId, () -> {
            Announcement posted = rooms.post(quizId, text, actorId, clock.instant());
            return log.record(quizId, null, actorId, Kind.ANNOUNCE, posted.markdown(), null);
        });
    }

    public ProctorAction withdraw(String quizId, long announcementId, long actorId) {
        return act(quizId, () -> {
            Announcement withdrawn = rooms.withdraw(quizId, announcementId, clock.instant())
                    .orElseThrow(() -> new ProctorActionRefused("There is no such announcement, or it was withdrawn already."));
            return log.record(quizId, null, actorId, Kind.WITHDRAW, "announcement of " + withdrawn.postedAt().truncatedTo(ChronoUnit.SECONDS) + ": "
                    + abbreviated(withdrawn.markdown()), null);
        });
    }

    private ProctorAction act(String quizId, Supplier<ProctorAction> action) {
        try {
            return transactions.execute(status -> action.get());
        } finally {
            // after the commit (or the rollback): a reader in between would cache the room as it was
            liveRooms.changed(quizId);
        }
    }

    /** Attempts not submitted whose time and grace have not run out at the quiz's time (a pause counts as still). */
    private List<Attempt> working(String quizId, Instant now) {
        return workingAt(quizId, rules.quizTime(quizId, now));
    }

    private List<Attempt> workingAt(String quizId, Instant quizTime) {
        return attempts.findByQuizIdAndSubmittedAtIsNullAndDeadlineAfter(quizId, quizTime.minus(grace.of(quizId)));
    }

    private int moveEach(List<Attempt> working, Function<Attempt, Instant> newDeadline) {
        int moved = 0;
        for (Attempt attempt : working) {
            moved += attempts.moveDeadline(attempt.getId(), attempt.getDeadline(), newDeadline.apply(attempt));
        }
        return moved;
    }

    private static void checkMinutes(int minutes) {
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw new ProctorActionRefused("Extend by " + MIN_MINUTES + " to " + MAX_MINUTES + " minutes.");
        }
    }

    private static ProctorActionRefused submitted(Attempt attempt, String consequence) {
        return new ProctorActionRefused("This attempt was submitted at " + attempt.getSubmittedAt().truncatedTo(ChronoUnit.SECONDS) + " (by "
                + attempt.getSubmittedBy().name().toLowerCase() + "); " + consequence + ".");
    }

    private static String seconds(Duration duration) {
        return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }
}
