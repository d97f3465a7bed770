package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.attempt.internal.QuestionScoreRepository;
import org.quizdesk.attempt.internal.ResultsQueries;
import org.quizdesk.attempt.internal.ScoreCell;
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
    private final ResultsQueries resultsQueries;

    AttemptResults(AttemptRepository attempts, QuestionScoreRepository scores, AttemptAnswers answers, ReviewSheets reviews,
            ResultsQueries resultsQueries) {
        this.attempts = attempts;
        this.scores = scores;
        this.answers = answers;
        this.reviews = reviews;
        this.resultsQueries = resultsQueries;
    }

    /**
     * One page (from 0) of the rostered students a results query selects, in its order, with how many it selects:
     * one query, two when filtered ({@code rosterSize} is the count when unfiltered).
     */
    @Transactional(readOnly = true)
    public ResultsQuery.Matches resultsPage(String quizId, ResultsQuery query, int page, int size, long rosterSize) {
        ResultsQueries.Filter filter = new ResultsQueries.Filter(query.section(), query.status(), query.searchPattern());
        List<Long> ids = resultsQueries.page(quizId, filter, query.order(), query.descending(), Math.max(0, page) * size, size);
        long matching = query.filtered() ? resultsQueries.count(quizId, filter) : rosterSize;
        return new ResultsQuery.Matches(ids, matching);
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
        return attempts.findById(attemptId).map(a -> reviews.review(a, true, Locale.ENGLISH));
    }

    /** The attempts of these students on the quiz, with their scores, by account id (three queries at most). */
    @Transactional(readOnly = true)
    public Map<Long, AttemptResult> ofStudents(String quizId, Collection<Long> accountIds) {
        return withScores(attempts.findByQuizIdAndAccountIdIn(quizId, accountIds)).stream()
                .collect(Collectors.toMap(r -> r.attempt().accountId(), Function.identity()));
    }

    /**
     * Every attempt on the quiz with its scores, by account id (two queries, each one pass over the quiz): for reading
     * a whole class, where asking for a page of students' attempts at a time made H2 scan all of the quiz's attempts
     * once per page.
     */
    @Transactional(readOnly = true)
    public Map<Long, AttemptResult> ofQuiz(String quizId) {
        return joined(attempts.findByQuizId(quizId), scores.cellsOfQuiz(quizId), (attempt, result) -> result).stream()
                .collect(Collectors.toMap(r -> r.attempt().accountId(), Function.identity()));
    }

    /** The quiz's submitted attempts with their scores, in attempt order (two queries). */
    @Transactional(readOnly = true)
    public List<AttemptResult> submitted(String quizId) {
        return submittedWith(quizId, (attempt, result) -> result);
    }

    /** A submitted attempt with its scores and its answers, read against the version it was taken on. */
    public record Answered(AttemptResult result, AnswerSheet answers) {
    }

    /** The quiz's submitted attempts with their scores and answers, in attempt order (two queries). */
    @Transactional(readOnly = true)
    public List<Answered> submittedWithAnswers(String quizId) {
        return submittedWith(quizId, (attempt, result) -> new Answered(result, answers.of(attempt)));
    }

    private <T> List<T> submittedWith(String quizId, BiFunction<Attempt, AttemptResult, T> shape) {
        return joined(attempts.findByQuizIdAndSubmittedAtIsNotNullOrderByIdAsc(quizId), scores.cellsOfSubmitted(quizId), shape);
    }

    /** Attempts per quiz and version, for the staff overview (one query). */
    @Transactional(readOnly = true)
    public List<AttemptCounts> counts() {
        return attempts.countByQuizAndVersion();
    }

    private List<AttemptResult> withScores(List<Attempt> found) {
        return found.isEmpty() ? List.of()
                : joined(found, scores.cellsOf(found.stream().map(Attempt::getId).toList()), (attempt, result) -> result);
    }

    /** Each attempt, in the given order, with its own score cells, in the caller's shape. */
    private static <T> List<T> joined(List<Attempt> found, List<ScoreCell> cells, BiFunction<Attempt, AttemptResult, T> shape) {
        Map<Long, List<ScoreCell>> byAttempt = cells.stream().collect(Collectors.groupingBy(ScoreCell::attemptId));
        return found.stream().map(a -> shape.apply(a, result(a, byAttempt.getOrDefault(a.getId(), List.of())))).toList();
    }

    private static AttemptResult result(Attempt attempt, List<ScoreCell> rows) {
        Map<String, BigDecimal> counted = new HashMap<>();
        Set<String> pending = new HashSet<>();
        for (ScoreCell row : rows) {
            if (row.score() == null) {
                pending.add(row.questionId());
            } else {
                counted.put(row.questionId(), row.score());
            }
        }
        return new AttemptResult(AttemptSummary.of(attempt), counted, pending);
    }
}
