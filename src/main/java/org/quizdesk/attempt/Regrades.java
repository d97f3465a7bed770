package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quizdesk.attempt.RegradePlan.AttemptChange;
import org.quizdesk.attempt.RegradePlan.QuestionChange;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.attempt.internal.HandGradeRecord;
import org.quizdesk.attempt.internal.HandGradeRepository;
import org.quizdesk.attempt.internal.QuestionScoreRecord;
import org.quizdesk.attempt.internal.QuestionScoreRepository;
import org.quizdesk.grading.AnswerSheetJson;
import org.quizdesk.grading.Grader;
import org.quizdesk.grading.HandGrade;
import org.quizdesk.grading.InvalidAnswersException;
import org.quizdesk.grading.QuestionScore;
import org.quizdesk.grading.QuizScore;
import org.quizdesk.quiz.CurrentQuiz;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.StudentVersion;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.QuizRubrics;
import org.quizdesk.quiz.RubricItem;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves submitted attempts taken on an older version of a quiz onto its current version: a dry run that shows every
 * attempt's score change, and the same computation applied on confirmation. Overrides keep their score (capped at
 * the question's new points); hand grades are re-applied with the new rubric.
 */
@Service
public class Regrades {

    /** The new scores of one attempt, and the override comments that survive. */
    private record Regraded(List<QuestionScore> scores, Map<String, String> overrideComments, Map<String, String> why) {
    }

    private final AttemptRepository attempts;
    private final QuestionScoreRepository scores;
    private final HandGradeRepository handGrades;
    private final ScoreKeeper keeper;
    private final QuizCatalog catalog;
    private final QuizRubrics rubrics;

    Regrades(AttemptRepository attempts, QuestionScoreRepository scores, HandGradeRepository handGrades, ScoreKeeper keeper,
            QuizCatalog catalog, QuizRubrics rubrics) {
        this.attempts = attempts;
        this.scores = scores;
        this.handGrades = handGrades;
        this.keeper = keeper;
        this.catalog = catalog;
        this.rubrics = rubrics;
    }

    /** The dry run: nothing is written. */
    @Transactional(readOnly = true)
    public RegradePlan plan(String quizId) {
        CurrentQuiz current = catalog.currentOrThrow(quizId);
        List<Attempt> stale = attempts.findByQuizIdAndSubmittedAtIsNotNullOrderByIdAsc(quizId).stream()
                .filter(a -> a.getVersionId() != current.versionId()).toList();
        List<Long> ids = stale.stream().map(Attempt::getId).toList();
        Map<Long, List<QuestionScoreRecord>> recordsByAttempt = stale.isEmpty() ? Map.of()
                : scores.findByAttemptIdIn(ids).stream().collect(Collectors.groupingBy(QuestionScoreRecord::getAttemptId));
        Map<Long, List<HandGradeRecord>> gradesByAttempt = handGradesOf(ids);
        Map<String, ShortAnswerQuestion> effective = effectiveRubrics(quizId, current.quiz());
        List<AttemptChange> changes = new ArrayList<>();
        for (Attempt attempt : stale) {
            changes.add(change(attempt, current.quiz(), effective,
                    recordsByAttempt.getOrDefault(attempt.getId(), List.of()), gradesByAttempt.getOrDefault(attempt.getId(), List.of())));
        }
        Map<Long, Long> byVersion = stale.stream()
                .collect(Collectors.groupingBy(Attempt::getVersionId, TreeMap::new, Collectors.counting()));
        return new RegradePlan(quizId, current.versionId(), byVersion, changes);
    }

    /**
     * Applies exactly what {@link #plan} shows, in one transaction, recording every score change.
     *
     * @return the plan that was applied
     */
    @Transactional
    public RegradePlan apply(String quizId, long by) {
        RegradePlan plan = plan(quizId);
        CurrentQuiz current = catalog.currentOrThrow(quizId);
        Map<String, ShortAnswerQuestion> effective = effectiveRubrics(quizId, current.quiz());
        Map<Long, List<HandGradeRecord>> gradesByAttempt = handGradesOf(plan.attempts().stream().map(AttemptChange::attemptId).toList());
        for (AttemptChange change : plan.attempts()) {
            if (change.problem() != null) {
                continue;
            }
            Attempt attempt = attempts.findById(change.attemptId()).orElseThrow();
            attempt.moveToVersion(plan.toVersion());
            Map<String, QuestionScoreRecord> records = scores.findByAttemptId(attempt.getId()).stream()
                    .collect(Collectors.toMap(QuestionScoreRecord::getQuestionId, Function.identity()));
            Regraded regraded = regrade(attempt, current.quiz(), effective, List.copyOf(records.values()),
                    gradesByAttempt.getOrDefault(attempt.getId(), List.of()));
            QuizScore automatic = automatic(current.quiz(), attempt);
            String prefix = "regrade to quiz version " + plan.toVersion() + ": ";
            for (QuestionScore score : regraded.scores()) {
                QuestionScoreRecord record = records.remove(score.questionId());
                BigDecimal auto = automatic.question(score.questionId()).map(QuestionScore::score).orElse(null);
                String why = prefix + regraded.why().get(score.questionId());
                if (record == null) {
                    // a new question: its row starts empty, so the change is recorded as from nothing to the score
                    record = QuestionScoreRecord.added(attempt.getId(), score.questionId(), score.max());
                }
                record.setAutomatic(score.max(), auto);
                keeper.set(record, score, regraded.overrideComments().get(score.questionId()), by, why);
            }
            for (QuestionScoreRecord removed : records.values()) {
                keeper.recordChange(attempt.getId(), removed.getQuestionId(), removed.getScore(), null, by,
                        prefix + "the question was removed");
                keeper.remove(removed);
            }
            keeper.recomputeTotal(attempt);
        }
        return plan;
    }

    private Map<Long, List<HandGradeRecord>> handGradesOf(List<Long> attemptIds) {
        return attemptIds.isEmpty() ? Map.of()
                : handGrades.findByAttemptIdIn(attemptIds).stream().collect(Collectors.groupingBy(HandGradeRecord::getAttemptId));
    }

    private Map<String, ShortAnswerQuestion> effectiveRubrics(String quizId, Quiz quiz) {
        return quiz.questions().stream().filter(QuizRubrics::handGraded)
                .map(q -> rubrics.effective(quizId, (ShortAnswerQuestion) q))
                .collect(Collectors.toMap(Question::id, Function.identity()));
    }

    private AttemptChange change(Attempt attempt, Quiz quiz, Map<String, ShortAnswerQuestion> effective,
            List<QuestionScoreRecord> records, List<HandGradeRecord> grades) {
        Regraded regraded;
        try {
            regraded = regrade(attempt, quiz, effective, records, grades);
        } catch (IllegalStateException e) {
            return new AttemptChange(attempt.getId(), attempt.getAccountId(), attempt.getVersionId(), attempt.getTotal(),
                    attempt.getTotal(), attempt.getPendingCount() == null ? 0 : attempt.getPendingCount(), List.of(), e.getMessage());
        }
        Map<String, QuestionScoreRecord> old = records.stream()
                .collect(Collectors.toMap(QuestionScoreRecord::getQuestionId, Function.identity()));
        List<QuestionChange> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (QuestionScore score : regraded.scores()) {
            seen.add(score.questionId());
            QuestionScoreRecord before = old.get(score.questionId());
            BigDecimal oldScore = before == null ? null : before.getScore();
            boolean oldPending = before == null || before.isPending();
            if (before == null || ScoreKeeper.changed(oldScore, score.score())) {
                changes.add(new QuestionChange(score.questionId(), oldScore, score.score(), oldPending, score.pending(),
                        regraded.why().get(score.questionId())));
            }
        }
        for (QuestionScoreRecord removed : records) {
            if (!seen.contains(removed.getQuestionId())) {
                changes.add(new QuestionChange(removed.getQuestionId(), removed.getScore(), null, removed.isPending(), false,
                        "the question was removed"));
            }
        }
        QuizScore total = QuizScore.of(regraded.scores());
        return new AttemptChange(attempt.getId(), attempt.getAccountId(), attempt.getVersionId(), attempt.getTotal(),
                total.total(), total.pending().size(), changes, null);
    }

    /** The heart of the regrade, shared by the dry run and the real one so that they cannot disagree. */
    private Regraded regrade(Attempt attempt, Quiz quiz, Map<String, ShortAnswerQuestion> effective,
            List<QuestionScoreRecord> records, List<HandGradeRecord> grades) {
        QuizScore automatic = automatic(quiz, attempt);
        Map<String, QuestionScoreRecord> old = records.stream()
                .collect(Collectors.toMap(QuestionScoreRecord::getQuestionId, Function.identity()));
        Map<String, HandGrade> handGradeOf = grades.stream()
                .collect(Collectors.toMap(HandGradeRecord::getQuestionId, HandGradeRecord::grade));
        List<QuestionScore> result = new ArrayList<>();
        Map<String, String> comments = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        for (QuestionScore fresh : automatic.questions()) {
            String id = fresh.questionId();
            QuestionScoreRecord before = old.get(id);
            Question question = quiz.question(id).orElseThrow();
            if (before != null && before.isOverridden()) {
                BigDecimal kept = before.getScore().min(question.points());
                result.add(Grader.override(question, kept, before.getOverrideComment()));
                comments.put(id, before.getOverrideComment());
                why.put(id, "the grader's override is kept" + (kept.compareTo(before.getScore()) < 0 ? ", capped at the new points" : ""));
            } else if (handGradeOf.containsKey(id) && effective.containsKey(id)) {
                ShortAnswerQuestion rubric = effective.get(id);
                HandGrade stored = handGradeOf.get(id);
                Set<String> known = rubric.rubric().stream().map(RubricItem::id).collect(Collectors.toSet());
                Set<String> kept = stored.rubricItemIds().stream().filter(known::contains).collect(Collectors.toSet());
                String note = kept.size() == stored.rubricItemIds().size() ? ""
                        : " without removed rubric item(s) " + String.join(", ",
                                stored.rubricItemIds().stream().filter(i -> !known.contains(i)).sorted().toList());
                result.add(Grader.applyHandGrade(rubric, new HandGrade(kept, stored.adjustment(), stored.comment())));
                why.put(id, "the hand grade is re-applied" + note);
            } else {
                result.add(fresh);
                why.put(id, String.join("; ", fresh.reasons()));
            }
        }
        return new Regraded(result, comments, why);
    }

    private QuizScore automatic(Quiz quiz, Attempt attempt) {
        try {
            return Grader.grade(StudentVersion.of(quiz, attempt.getVersionSeed()), AnswerSheetJson.read(quiz, attempt.getAnswers()));
        } catch (InvalidAnswersException e) {
            throw new IllegalStateException("the answers do not fit the new version (" + e.getMessage() + "); left as they are");
        }
    }
}
