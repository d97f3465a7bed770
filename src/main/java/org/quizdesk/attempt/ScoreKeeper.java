package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.time.Clock;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.attempt.internal.QuestionScoreRecord;
import org.quizdesk.attempt.internal.QuestionScoreRepository;
import org.quizdesk.attempt.internal.ScoreChange;
import org.quizdesk.attempt.internal.ScoreChangeRepository;
import org.quizdesk.grading.QuestionScore;
import org.quizdesk.grading.QuizScore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a score changes after submission: the question's row is updated, the change is recorded (who, when,
 * old, new, why) and the attempt's total recomputed from its rows. Callers run inside their own transaction.
 */
@Component
class ScoreKeeper {

    private final QuestionScoreRepository scores;
    private final AttemptRepository attempts;
    private final ScoreChangeRepository changes;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ScoreKeeper(QuestionScoreRepository scores, AttemptRepository attempts, ScoreChangeRepository changes, Clock clock,
            ApplicationEventPublisher events) {
        this.scores = scores;
        this.attempts = attempts;
        this.changes = changes;
        this.clock = clock;
        this.events = events;
    }

    /** @throws IllegalArgumentException with a message for the grader: no such attempt, or not submitted yet */
    Attempt submitted(long attemptId) {
        Attempt attempt = attempts.findById(attemptId)
                .orElseThrow(() -> new IllegalArgumentException("There is no attempt " + attemptId + "."));
        if (!attempt.isSubmitted()) {
            throw new IllegalArgumentException("This attempt is not submitted yet; it can be graded once it is.");
        }
        return attempt;
    }

    QuestionScoreRecord record(long attemptId, String questionId) {
        return scores.findById(new QuestionScoreRecord.Key(attemptId, questionId))
                .orElseThrow(() -> new IllegalArgumentException("Attempt " + attemptId + " has no score for question " + questionId + "."));
    }

    /** Sets the score; call {@link #recomputeTotal} once the attempt's rows are set. */
    void set(QuestionScoreRecord record, QuestionScore score, String overrideComment, long by, String why) {
        BigDecimal old = record.getScore();
        record.setScore(score, overrideComment);
        scores.save(record);
        recordChange(record.getAttemptId(), record.getQuestionId(), old, score.score(), by, why);
    }

    /** A question's score appears or disappears (a regrade added or removed it): recorded like any other change. */
    void recordChange(long attemptId, String questionId, BigDecimal old, BigDecimal now, long by, String why) {
        if (changed(old, now)) {
            changes.save(new ScoreChange(attemptId, questionId, old, now, by, clock.instant(), why));
        }
    }

    void remove(QuestionScoreRecord record) {
        scores.delete(record);
    }

    /** The attempt's total from its rows, computed as at grading: {@link QuizScore#of}; announced when it changed. */
    void recomputeTotal(Attempt attempt) {
        scores.flush();
        BigDecimal before = attempt.getTotal();
        attempt.recordTotal(QuizScore.of(scores.findByAttemptId(attempt.getId()).stream()
                .map(QuestionScoreRecord::toQuestionScore).toList()));
        attempts.save(attempt);
        if (changed(before, attempt.getTotal())) {
            events.publishEvent(new AttemptScoreChanged(attempt.getId(), attempt.getQuizId(), attempt.getAccountId()));
        }
    }

    static boolean changed(BigDecimal old, BigDecimal now) {
        if (old == null || now == null) {
            return old != now;
        }
        return old.compareTo(now) != 0;
    }
}
