package org.quizdesk.export;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.attempt.Attempt;
import org.quizdesk.attempt.AttemptRepository;
import org.quizdesk.attempt.QuestionScoreRecord;
import org.quizdesk.attempt.QuestionScoreRepository;
import org.quizdesk.attempt.SubmittedBy;
import org.springframework.stereotype.Service;

/**
 * Every rostered student's result on a quiz, no-shows included, read a page of students at a time (three queries
 * per page), so that a class of any size is read in constant memory when the caller streams the rows.
 */
@Service
public class ResultsReader {

    static final int PAGE_SIZE = 500;

    private final AccountService accounts;
    private final AttemptRepository attempts;
    private final QuestionScoreRepository scores;

    ResultsReader(AccountService accounts, AttemptRepository attempts, QuestionScoreRepository scores) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.scores = scores;
    }

    /** Calls back with each student's row, ordered by net id. */
    public void forEach(String quizId, Consumer<ResultRow> sink) {
        for (int page = 0; ; page++) {
            List<Account> students = accounts.students(page, PAGE_SIZE);
            if (students.isEmpty()) {
                return;
            }
            Map<Long, Attempt> byAccount = attempts.findByQuizIdAndAccountIdIn(quizId,
                    students.stream().map(Account::id).toList()).stream()
                    .collect(Collectors.toMap(Attempt::getAccountId, Function.identity()));
            Map<Long, List<QuestionScoreRecord>> scoresByAttempt = byAccount.isEmpty() ? Map.of()
                    : scores.findByAttemptIdIn(byAccount.values().stream().map(Attempt::getId).toList()).stream()
                            .collect(Collectors.groupingBy(QuestionScoreRecord::getAttemptId));
            for (Account student : students) {
                Attempt attempt = byAccount.get(student.id());
                sink.accept(row(student, attempt, attempt == null ? List.of() : scoresByAttempt.getOrDefault(attempt.getId(), List.of())));
            }
            if (students.size() < PAGE_SIZE) {
                return;
            }
        }
    }

    public List<ResultRow> all(String quizId) {
        List<ResultRow> rows = new ArrayList<>();
        forEach(quizId, rows::add);
        return rows;
    }

    static ResultRow row(Account student, Attempt attempt, List<QuestionScoreRecord> questionScores) {
        if (attempt == null) {
            return new ResultRow(student.id(), student.username(), student.fullName(), student.email(),
                    student.section(), ResultRow.Status.NOT_STARTED, null, null, null, null, 0, null, null, Map.of(), Set.of());
        }
        Map<String, BigDecimal> byQuestion = new HashMap<>();
        Set<String> pending = new HashSet<>();
        for (QuestionScoreRecord score : questionScores) {
            if (score.isPending()) {
                pending.add(score.getQuestionId());
            } else {
                byQuestion.put(score.getQuestionId(), score.getScore());
            }
        }
        ResultRow.Status status = !attempt.isSubmitted() ? ResultRow.Status.IN_PROGRESS
                : pending.isEmpty() ? ResultRow.Status.SUBMITTED : ResultRow.Status.NEEDS_GRADING;
        return new ResultRow(student.id(), student.username(), student.fullName(), student.email(),
                student.section(), status, attempt.getId(), attempt.getStartedAt(), attempt.getSubmittedAt(),
                attempt.timeUsed(), minutesLate(attempt), attempt.getTotal(), attempt.getMaxPoints(), byQuestion, pending);
    }

    /**
     * Whole minutes (rounded up) between the deadline and the last work taken: the submission, or for an attempt the
     * server submitted at the deadline, its last save. Work inside the grace period after the deadline counts as late.
     */
    static long minutesLate(Attempt attempt) {
        if (!attempt.isSubmitted()) {
            return 0;
        }
        var lastWork = attempt.getSubmittedBy() == SubmittedBy.DEADLINE ? attempt.getSavedAt() : attempt.getSubmittedAt();
        if (lastWork == null || !lastWork.isAfter(attempt.getDeadline())) {
            return 0;
        }
        long seconds = Duration.between(attempt.getDeadline(), lastWork).toSeconds();
        return (seconds + 59) / 60;
    }
}
