package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.attempt.internal.QuestionScoreRecord;
import org.quizdesk.attempt.internal.QuestionScoreRepository;
import org.quizdesk.grading.AnswerSheet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Attempts as course staff read them: one attempt, a quiz's results, its counts; nothing here changes an attempt. */
@Service
public class AttemptResults {

    private final AttemptRepository attempts;
    private final QuestionScoreRepository scores;
    private final AttemptAnswers answers;
    private final ReviewSheets reviews;

    AttemptResults(AttemptRepository attempts, QuestionScoreRepository scores, AttemptAnswers answers, ReviewSheets reviews) {
        this.attempts = attempts;
        this.scores = scores;
        this.answers = answers;
        this.reviews = reviews;
    }

    @Transactional(readOnly = true)
    public Optional<AttemptSummary> find(long attemptId) {
        return attempts.findById(attemptId).map(AttemptSummary::of);
    }

    /** The attempt's answers, read against the version it was taken on. */
    @Transactional(readOnly = true)
    public Optional<AnswerSheet> answers(long attemptId) {
        return attempts.findById(attemptId).map(answers::of);
    }

    /** The review of an attempt with the key and solutions, as staff see it (no scores before submission). */
    @Transactional(readOnly = true)
    public Optional<ReviewSheets.Review> review(long attemptId) {
        return attempts.findById(attemptId).map(a -> reviews.review(a, true));
    }

    /** The attempts of these students on the quiz, with their scores, by account id (three queries at most). */
    @Transactional(readOnly = true)
    public Map<Long, AttemptResult> ofStudents(String quizId, Collection<Long> accountIds) {
        return withScores(attempts.findByQuizIdAndAccountIdIn(quizId, accountIds)).stream()
                .collect(Collectors.toMap(r -> r.attempt().accountId(), Function.identity()));
    }

    /** The quiz's submitted attempts with their scores, in attempt order (two queries). */
    @Transactional(readOnly = true)
    public List<AttemptResult> submitted(String quizId) {
        Map<Long, List<QuestionScoreRecord>> byAttempt = scores.findByQuiz(quizId).stream()
                .collect(Collectors.groupingBy(QuestionScoreRecord::getAttemptId));
        return attempts.findByQuizIdAndSubmittedAtIsNotNullOrderByIdAsc(quizId).stream()
                .map(a -> result(a, byAttempt.getOrDefault(a.getId(), List.of()))).toList();
    }

    /** The answers of the quiz's submitted attempts, by attempt id. */
    @Transactional(readOnly = true)
    public Map<Long, AnswerSheet> submittedAnswers(String quizId) {
        return attempts.findByQuizIdAndSubmittedAtIsNotNullOrderByIdAsc(quizId).stream()
                .collect(Collectors.toMap(Attempt::getId, answers::of));
    }

    /** Attempts per quiz and version, for the staff overview (one query). */
    @Transactional(readOnly = true)
    public List<AttemptCounts> counts() {
        return attempts.countByQuizAndVersion();
    }

    private List<AttemptResult> withScores(List<Attempt> found) {
        Map<Long, List<QuestionScoreRecord>> byAttempt = found.isEmpty() ? Map.of()
                : scores.findByAttemptIdIn(found.stream().map(Attempt::getId).toList()).stream()
                        .collect(Collectors.groupingBy(QuestionScoreRecord::getAttemptId));
        return found.stream().map(a -> result(a, byAttempt.getOrDefault(a.getId(), List.of()))).toList();
    }

    private static AttemptResult result(Attempt attempt, List<QuestionScoreRecord> rows) {
        Map<String, BigDecimal> counted = new HashMap<>();
        Set<String> pending = new HashSet<>();
        for (QuestionScoreRecord row : rows) {
            if (row.isPending()) {
                pending.add(row.getQuestionId());
            } else {
                counted.put(row.getQuestionId(), row.getScore());
            }
        }
        return new AttemptResult(AttemptSummary.of(attempt), counted, pending);
    }
}
