package org.quizdesk.admin;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.quizdesk.attempt.Attempt;
import org.quizdesk.attempt.AttemptRepository;
import org.quizdesk.attempt.QuestionScoreRecord;
import org.quizdesk.attempt.QuestionScoreRepository;
import org.quizdesk.grading.Grader;
import org.quizdesk.grading.QuestionScore;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a score changes after submission: the question's row is updated, the change is recorded (who, when,
 * old, new, why) and the attempt's total recomputed from its rows.
 */
@Service
class ScoreKeeper {

    private final QuestionScoreRepository scores;
    private final AttemptRepository attempts;
    private final ScoreChangeRepository changes;
    private final QuizCatalog catalog;
    private final Clock clock;

    ScoreKeeper(QuestionScoreRepository scores, AttemptRepository attempts, ScoreChangeRepository changes,
            QuizCatalog catalog, Clock clock) {
        this.scores = scores;
        this.attempts = attempts;
        this.changes = changes;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * A grader's override of any question's score.
     *
     * @throws IllegalArgumentException with a message for the grader (score out of range, no comment, no such question)
     */
    @Transactional
    public void override(long attemptId, String questionId, BigDecimal score, String comment, long graderId) {
        Attempt attempt = submitted(attemptId);
        Question question = catalog.version(attempt.getVersionId()).question(questionId)
                .orElseThrow(() -> new IllegalArgumentException("This quiz has no question " + questionId + "."));
        QuestionScore overridden = Grader.override(question, score, comment);
        set(record(attemptId, questionId), overridden, comment.strip(), graderId, "override: " + comment.strip());
        recomputeTotal(attemptId);
    }

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

    /** Sets the score in the caller's transaction; call {@link #recomputeTotal} once the attempt's rows are set. */
    void set(QuestionScoreRecord record, QuestionScore score, String overrideComment, long by, String why) {
        BigDecimal old = record.getScore();
        record.setScore(score, overrideComment);
        scores.save(record);
        if (changed(old, score.score())) {
            changes.save(new ScoreChange(record.getAttemptId(), record.getQuestionId(), old, score.score(), by, clock.instant(), why));
        }
    }

    /** A question's score appears or disappears (a regrade added or removed it): recorded like any other change. */
    void recordChange(long attemptId, String questionId, BigDecimal old, BigDecimal now, long by, String why) {
        if (changed(old, now)) {
            changes.save(new ScoreChange(attemptId, questionId, old, now, by, clock.instant(), why));
        }
    }

    void recomputeTotal(long attemptId) {
        scores.flush();
        List<QuestionScoreRecord> rows = scores.findByAttemptId(attemptId);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        int pending = 0;
        for (QuestionScoreRecord row : rows) {
            max = max.add(row.getMaxPoints());
            if (row.isPending()) {
                pending++;
            } else {
                total = total.add(row.getScore());
            }
        }
        attempts.recordTotal(attemptId, total, max, pending);
    }

    static boolean changed(BigDecimal old, BigDecimal now) {
        if (old == null || now == null) {
            return old != now;
        }
        return old.compareTo(now) != 0;
    }
}
