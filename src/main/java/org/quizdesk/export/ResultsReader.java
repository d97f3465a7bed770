package org.quizdesk.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.attempt.AttemptResult;
import org.quizdesk.attempt.AttemptResults;
import org.quizdesk.attempt.AttemptSummary;
import org.quizdesk.attempt.ResultStatus;
import org.quizdesk.attempt.ResultsQuery;
import org.springframework.stereotype.Service;

/**
 * Every rostered student's result on a quiz, no-shows included: the quiz's attempts and scores read once (a result
 * without its answers or reasons, a few hundred bytes a student), the roster a page of students at a time, so that
 * the caller streams the rows of a class of any size in time that grows with the class, not its square.
 */
@Service
public class ResultsReader {

    static final int PAGE_SIZE = 500;

    private final AccountService accounts;
    private final AttemptResults attempts;

    ResultsReader(AccountService accounts, AttemptResults attempts) {
        this.accounts = accounts;
        this.attempts = attempts;
    }

    /** Calls back with each student's row, ordered by net id. */
    public void forEach(String quizId, Consumer<ResultRow> sink) {
        Map<Long, AttemptResult> byAccount = attempts.ofQuiz(quizId);
        for (int page = 0; ; page++) {
            List<Account> students = accounts.students(page, PAGE_SIZE);
            for (Account student : students) {
                sink.accept(row(student, byAccount.get(student.id())));
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

    /**
     * One page of the results table (a page number from 0): the students the query selects, filtered and sorted in the
     * database, then read by id; six queries whatever the class's size.
     */
    public ResultsPage page(String quizId, ResultsQuery query, int page, int size) {
        long rosterSize = accounts.countStudents();
        ResultsQuery.Matches matches = attempts.resultsPage(quizId, query, page, size, rosterSize);
        Map<Long, Account> students = accounts.findAll(matches.accountIds());
        Map<Long, AttemptResult> byAccount = matches.accountIds().isEmpty() ? Map.of()
                : attempts.ofStudents(quizId, matches.accountIds());
        List<ResultRow> rows = matches.accountIds().stream().filter(students::containsKey)
                .map(id -> row(students.get(id), byAccount.get(id))).toList();
        return new ResultsPage(rows, Math.max(0, page), size, matches.matching(), rosterSize);
    }

    static ResultRow row(Account student, AttemptResult result) {
        if (result == null) {
            return new ResultRow(student.id(), student.username(), student.fullName(), student.email(),
                    student.section(), ResultStatus.NOT_STARTED, null, null, null, null, 0, null, null, Map.of(), Set.of());
        }
        AttemptSummary attempt = result.attempt();
        ResultStatus status = !attempt.submitted() ? ResultStatus.IN_PROGRESS
                : result.pendingQuestions().isEmpty() ? ResultStatus.SUBMITTED : ResultStatus.NEEDS_GRADING;
        return new ResultRow(student.id(), student.username(), student.fullName(), student.email(),
                student.section(), status, attempt.id(), attempt.startedAt(), attempt.submittedAt(),
                attempt.timeUsed(), attempt.minutesLate(), attempt.total(), attempt.maxPoints(), result.scores(),
                result.pendingQuestions());
    }
}
