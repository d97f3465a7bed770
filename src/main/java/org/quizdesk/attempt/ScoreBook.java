package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.HandGradeRecord;
import org.quizdesk.attempt.internal.HandGradeRepository;
import org.quizdesk.attempt.internal.QuestionScoreRecord;
import org.quizdesk.attempt.internal.QuestionScoreRepository;
import org.quizdesk.attempt.internal.ScoreChangeRepository;
import org.quizdesk.grading.Grader;
import org.quizdesk.grading.HandGrade;
import org.quizdesk.grading.QuestionScore;
import org.quizdesk.quiz.CurrentQuiz;
import org.quizdesk.quiz.Points;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.QuizRubrics;
import org.quizdesk.quiz.RubricItem;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores after submission, for course staff: a grader's override, hand grades and the queue they are given in,
 * rubric point changes that re-score, and the history of every change. Every change goes through
 * {@link ScoreKeeper}, so it is recorded and the total recomputed.
 */
@Service
public class ScoreBook {

    /** How many answers to a hand-graded question have a grade. */
    public record Progress(long graded, long total) {
        public boolean done() {
            return graded == total;
        }
    }

    /** One change of a question's score after submission: who, when, old, new, why. */
    public record Change(String questionId, BigDecimal oldScore, BigDecimal newScore, long changedBy, Instant changedAt,
            String reason) {
    }

    private final QuestionScoreRepository scores;
    private final HandGradeRepository handGrades;
    private final ScoreChangeRepository changes;
    private final ScoreKeeper keeper;
    private final QuizCatalog catalog;
    private final QuizRubrics rubrics;
    private final Clock clock;

    ScoreBook(QuestionScoreRepository scores, HandGradeRepository handGrades, ScoreChangeRepository changes,
            ScoreKeeper keeper, QuizCatalog catalog, QuizRubrics rubrics, Clock clock) {
        this.scores = scores;
        this.handGrades = handGrades;
        this.changes = changes;
        this.keeper = keeper;
        this.catalog = catalog;
        this.rubrics = rubrics;
        this.clock = clock;
    }

    /**
     * A grader's override of any question's score.
     *
     * @throws IllegalArgumentException with a message for the grader (score out of range, no comment, no such question)
     */
    @Transactional
    public void override(long attemptId, String questionId, BigDecimal score, String comment, long graderId) {
        Attempt attempt = keeper.submitted(attemptId);
        Question question = catalog.version(attempt.getVersionId()).question(questionId)
                .orElseThrow(() -> new IllegalArgumentException("This quiz has no question " + questionId + "."));
        QuestionScore overridden = Grader.override(question, score, comment);
        keeper.set(keeper.record(attemptId, questionId), overridden, comment.strip(), graderId, "override: " + comment.strip());
        keeper.recomputeTotal(attempt);
    }

    /** Every change of the attempt's scores since submission, oldest first. */
    @Transactional(readOnly = true)
    public List<Change> history(long attemptId) {
        return changes.findByAttemptIdOrderByIdAsc(attemptId).stream()
                .map(c -> new Change(c.getQuestionId(), c.getOldScore(), c.getNewScore(), c.getChangedBy(), c.getChangedAt(),
                        c.getReason()))
                .toList();
    }

    /** The hand-graded questions of the quiz's current version. */
    @Transactional(readOnly = true)
    public List<ShortAnswerQuestion> handGradedQuestions(String quizId) {
        return catalog.current(quizId).map(CurrentQuiz::quiz).map(q -> q.questions().stream()
                .filter(QuizRubrics::handGraded).map(ShortAnswerQuestion.class::cast).toList()).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public Progress progress(String quizId, String questionId) {
        return new Progress(scores.countGraded(quizId, questionId), scores.countAnswers(quizId, questionId));
    }

    /** The next answer waiting for a grader after the given attempt (wrapping round), if any. */
    @Transactional(readOnly = true)
    public Optional<Long> nextPending(String quizId, String questionId, long afterAttemptId) {
        List<QuestionScoreRecord> queue = scores.findByQuizAndQuestion(quizId, questionId);
        return queue.stream().filter(QuestionScoreRecord::isPending).map(QuestionScoreRecord::getAttemptId)
                .filter(id -> id > afterAttemptId).findFirst()
                .or(() -> queue.stream().filter(QuestionScoreRecord::isPending).map(QuestionScoreRecord::getAttemptId).findFirst());
    }

    /** The attempts with an answer to this question, in queue order, to step through graded ones as well. */
    @Transactional(readOnly = true)
    public List<Long> queue(String quizId, String questionId) {
        return scores.findByQuizAndQuestion(quizId, questionId).stream().map(QuestionScoreRecord::getAttemptId).toList();
    }

    /** The hand grade given to one answer, for the grading form. */
    @Transactional(readOnly = true)
    public Optional<HandGrade> handGrade(long attemptId, String questionId) {
        return handGrades.findById(new QuestionScoreRecord.Key(attemptId, questionId)).map(HandGradeRecord::grade);
    }

    /**
     * Applies rubric items and an adjustment to one answer. A grade replaces an earlier override of the question.
     *
     * @throws IllegalArgumentException with a message for the grader
     */
    @Transactional
    public QuestionScore grade(long attemptId, String questionId, HandGrade grade, long graderId) {
        Attempt attempt = keeper.submitted(attemptId);
        ShortAnswerQuestion question = handGradedQuestion(attempt, questionId);
        String comment = grade.comment() == null || grade.comment().isBlank() ? null : grade.comment().strip();
        if (grade.adjustment().signum() != 0 && comment == null) {
            throw new IllegalArgumentException("Say why in a comment when you adjust the score.");
        }
        HandGrade clean = new HandGrade(grade.rubricItemIds(), grade.adjustment(), comment);
        QuestionScore score = Grader.applyHandGrade(rubrics.effective(attempt.getQuizId(), question), clean);
        HandGradeRecord record = handGrades.findById(new QuestionScoreRecord.Key(attemptId, questionId))
                .orElseGet(() -> new HandGradeRecord(attemptId, questionId));
        record.set(clean, graderId, clock.instant());
        handGrades.save(record);
        keeper.set(keeper.record(attemptId, questionId), score, null, graderId, "graded: " + String.join("; ", score.reasons()));
        keeper.recomputeTotal(attempt);
        return score;
    }

    /**
     * Changes a rubric item's points for the quiz and re-scores every answer it was applied to (overridden
     * answers keep their override).
     *
     * @return how many answers were re-scored
     */
    @Transactional
    public int changeRubricPoints(String quizId, String questionId, String itemId, BigDecimal points, long by) {
        ShortAnswerQuestion current = handGradedQuestions(quizId).stream().filter(q -> q.id().equals(questionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Question " + questionId + " is not graded by hand in this quiz."));
        RubricItem item = rubrics.change(quizId, current, itemId, points, by);
        String why = "rubric item \u201c" + item.text() + "\u201d now worth " + Points.inText(points) + " points";
        int rescored = 0;
        for (HandGradeRecord stored : handGrades.findByQuizAndQuestion(quizId, questionId)) {
            if (stored.grade().rubricItemIds().contains(itemId) && reapply(stored, by, why)) {
                rescored++;
            }
        }
        return rescored;
    }

    /** Re-applies a stored grade with the current rubric points; an overridden answer keeps its override. */
    private boolean reapply(HandGradeRecord stored, long by, String why) {
        QuestionScoreRecord record = keeper.record(stored.getAttemptId(), stored.getQuestionId());
        if (record.isOverridden()) {
            return false;
        }
        Attempt attempt = keeper.submitted(stored.getAttemptId());
        QuestionScore score = Grader.applyHandGrade(
                rubrics.effective(attempt.getQuizId(), handGradedQuestion(attempt, stored.getQuestionId())), stored.grade());
        keeper.set(record, score, null, by, why);
        keeper.recomputeTotal(attempt);
        return true;
    }

    private ShortAnswerQuestion handGradedQuestion(Attempt attempt, String questionId) {
        Question question = catalog.version(attempt.getVersionId()).question(questionId)
                .orElseThrow(() -> new IllegalArgumentException("This quiz has no question " + questionId + "."));
        if (!QuizRubrics.handGraded(question)) {
            throw new IllegalArgumentException("Question " + questionId + " is graded automatically; override its score instead.");
        }
        return (ShortAnswerQuestion) question;
    }
}
