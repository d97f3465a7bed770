package org.quizdesk.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quizdesk.attempt.Attempt;
import org.quizdesk.attempt.AttemptRepository;
import org.quizdesk.attempt.QuestionScoreRecord;
import org.quizdesk.attempt.QuestionScoreRepository;
import org.quizdesk.grading.AnswerSheetJson;
import org.quizdesk.grading.Grader;
import org.quizdesk.grading.InvalidAnswersException;
import org.quizdesk.grading.ManualGrade;
import org.quizdesk.grading.QuestionScore;
import org.quizdesk.grading.QuizScore;
import org.quizdesk.quiz.CurrentQuiz;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizCatalog;
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
class Regrade {

    record QuestionChange(String questionId, BigDecimal oldScore, BigDecimal newScore, boolean oldPending,
            boolean newPending, String why) {
    }

    /** problem is set (and nothing changes) when the attempt's answers do not fit the new version. */
    record AttemptChange(long attemptId, long accountId, long fromVersion, BigDecimal oldTotal, BigDecimal newTotal,
            int newPending, List<QuestionChange> changes, String problem) {

        public boolean changesTotal() {
            return problem == null && (oldTotal == null ? newTotal != null : oldTotal.compareTo(newTotal) != 0);
        }
    }

    record VersionDiff(long fromVersion, List<String> changes, long attempts) {
    }

    record Plan(String quizId, long toVersion, List<VersionDiff> versions, List<AttemptChange> attempts) {
        public boolean empty() {
            return attempts.isEmpty();
        }

        public long changedTotals() {
            return attempts.stream().filter(AttemptChange::changesTotal).count();
        }
    }

    /** The new scores of one attempt, and the override comments that survive. */
    private record Regraded(List<QuestionScore> scores, Map<String, String> overrideComments, Map<String, String> why) {
    }

    private final AttemptRepository attempts;
    private final QuestionScoreRepository scores;
    private final ManualGradeRepository grades;
    private final ManualGrading manualGrading;
    private final ScoreKeeper keeper;
    private final QuizCatalog catalog;

    Regrade(AttemptRepository attempts, QuestionScoreRepository scores, ManualGradeRepository grades,
            ManualGrading manualGrading, ScoreKeeper keeper, QuizCatalog catalog) {
        this.attempts = attempts;
        this.scores = scores;
        this.grades = grades;
        this.manualGrading = manualGrading;
        this.keeper = keeper;
        this.catalog = catalog;
    }

    /** The dry run: nothing is written. */
    @Transactional(readOnly = true)
    public Plan plan(String quizId) {
        CurrentQuiz current = catalog.currentOrThrow(quizId);
        List<Attempt> stale = attempts.findByQuizIdAndSubmittedAtIsNotNullOrderByIdAsc(quizId).stream()
                .filter(a -> a.getVersionId() != current.versionId()).toList();
        Map<Long, List<QuestionScoreRecord>> recordsByAttempt = stale.isEmpty() ? Map.of()
                : scores.findByAttemptIdIn(stale.stream().map(Attempt::getId).toList()).stream()
                        .collect(Collectors.groupingBy(QuestionScoreRecord::getAttemptId));
        Map<Long, List<ManualGradeRecord>> gradesByAttempt = stale.isEmpty() ? Map.of()
                : grades.findByAttemptIdIn(stale.stream().map(Attempt::getId).toList()).stream()
                        .collect(Collectors.groupingBy(ManualGradeRecord::getAttemptId));
        Map<String, ShortAnswerQuestion> effectiveManual = effectiveManual(quizId, current.quiz());
        List<AttemptChange> changes = new ArrayList<>();
        for (Attempt attempt : stale) {
            changes.add(change(attempt, current.quiz(), effectiveManual,
                    recordsByAttempt.getOrDefault(attempt.getId(), List.of()), gradesByAttempt.getOrDefault(attempt.getId(), List.of())));
        }
        Map<Long, Long> countByVersion = stale.stream().collect(Collectors.groupingBy(Attempt::getVersionId, Collectors.counting()));
        List<VersionDiff> versions = countByVersion.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new VersionDiff(e.getKey(), QuizDiff.between(catalog.version(e.getKey()), current.quiz()), e.getValue()))
                .toList();
        return new Plan(quizId, current.versionId(), versions, changes);
    }

    /**
     * Applies exactly what {@link #plan} shows, in one transaction, recording every score change.
     *
     * @return the plan that was applied
     */
    @Transactional
    public Plan apply(String quizId, long by) {
        Plan plan = plan(quizId);
        CurrentQuiz current = catalog.current(quizId).orElseThrow();
        Map<String, ShortAnswerQuestion> effectiveManual = effectiveManual(quizId, current.quiz());
        Map<Long, List<ManualGradeRecord>> gradesByAttempt = plan.attempts().isEmpty() ? Map.of()
                : grades.findByAttemptIdIn(plan.attempts().stream().map(AttemptChange::attemptId).toList()).stream()
                        .collect(Collectors.groupingBy(ManualGradeRecord::getAttemptId));
        for (AttemptChange change : plan.attempts()) {
            if (change.problem() != null) {
                continue;
            }
            attempts.moveToVersion(change.attemptId(), plan.toVersion());
            Attempt attempt = attempts.findById(change.attemptId()).orElseThrow();
            Map<String, QuestionScoreRecord> records = scores.findByAttemptId(attempt.getId()).stream()
                    .collect(Collectors.toMap(QuestionScoreRecord::getQuestionId, Function.identity()));
            Regraded regraded = regrade(attempt, current.quiz(), effectiveManual, List.copyOf(records.values()),
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
                scores.delete(removed);
            }
            keeper.recomputeTotal(attempt.getId());
        }
        return plan;
    }

    private Map<String, ShortAnswerQuestion> effectiveManual(String quizId, Quiz quiz) {
        return quiz.questions().stream().filter(ManualGrading::isManual)
                .map(q -> manualGrading.effective(quizId, (ShortAnswerQuestion) q))
                .collect(Collectors.toMap(Question::id, Function.identity()));
    }

    private AttemptChange change(Attempt attempt, Quiz quiz, Map<String, ShortAnswerQuestion> effectiveManual,
            List<QuestionScoreRecord> records, List<ManualGradeRecord> manualGrades) {
        Regraded regraded;
        try {
            regraded = regrade(attempt, quiz, effectiveManual, records, manualGrades);
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
    private Regraded regrade(Attempt attempt, Quiz quiz, Map<String, ShortAnswerQuestion> effectiveManual,
            List<QuestionScoreRecord> records, List<ManualGradeRecord> manualGrades) {
        QuizScore automatic = automatic(quiz, attempt);
        Map<String, QuestionScoreRecord> old = records.stream()
                .collect(Collectors.toMap(QuestionScoreRecord::getQuestionId, Function.identity()));
        Map<String, ManualGradeRecord> grades = manualGrades.stream()
                .collect(Collectors.toMap(ManualGradeRecord::getQuestionId, Function.identity()));
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
            } else if (grades.containsKey(id) && effectiveManual.containsKey(id)) {
                ShortAnswerQuestion manual = effectiveManual.get(id);
                ManualGradingStored stored = ManualGradingStored.of(manualGrading.stored(grades.get(id)), manual);
                result.add(Grader.applyManualGrade(manual, stored.grade()));
                why.put(id, "the hand grade is re-applied" + stored.note());
            } else {
                result.add(fresh);
                why.put(id, String.join("; ", fresh.reasons()));
            }
        }
        return new Regraded(result, comments, why);
    }

    private QuizScore automatic(Quiz quiz, Attempt attempt) {
        try {
            return Grader.grade(quiz, AnswerSheetJson.read(quiz, attempt.getAnswers()));
        } catch (InvalidAnswersException e) {
            throw new IllegalStateException("the answers do not fit the new version (" + e.getMessage() + "); left as they are");
        }
    }

    /** A stored hand grade reduced to the rubric items the new version still has. */
    private record ManualGradingStored(ManualGrade grade, String note) {
        static ManualGradingStored of(ManualGrading.StoredGrade stored, ShortAnswerQuestion question) {
            Set<String> known = question.rubric().stream().map(RubricItem::id).collect(Collectors.toSet());
            Set<String> kept = stored.rubricItemIds().stream().filter(known::contains).collect(Collectors.toSet());
            String note = kept.size() == stored.rubricItemIds().size() ? ""
                    : " without removed rubric item(s) " + String.join(", ", stored.rubricItemIds().stream().filter(i -> !known.contains(i)).sorted().toList());
            return new ManualGradingStored(new ManualGrade(kept, stored.adjustment(), stored.comment()), note);
        }
    }
}
