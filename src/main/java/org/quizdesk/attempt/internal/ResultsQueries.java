package org.quizdesk.attempt.internal;

import java.util.ArrayList;
import java.util.List;
import org.quizdesk.attempt.ResultStatus;
import org.quizdesk.attempt.ResultsQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The results table's page: the roster (the account table, read-only) joined with the quiz's attempts in the
 * database, because the table filters by status and sorts by total or time across the whole class; reading students
 * and attempts separately would read all 10,000 of one or the other for every page. Returns account ids only: the
 * page's rows are then read by id (a page of 50 at most).
 */
@Component
public class ResultsQueries {

    /** What a page filters by; blank and null mean no filter. {@code pattern} is a lower-case LIKE pattern, {@code !} escapes. */
    public record Filter(String section, ResultStatus status, String pattern) {
    }

    private final JdbcClient jdbc;

    ResultsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account ids of one page; rows without a value (no-shows) come first when ascending. */
    public List<Long> page(String quizId, Filter filter, ResultsQuery.Order column, boolean descending, int offset, int size) {
        List<Object> params = new ArrayList<>(List.of(quizId));
        StringBuilder sql = new StringBuilder("select a.id");
        where(sql, params, filter);
        sql.append(" order by ").append(order(column)).append(descending ? " desc nulls last" : " asc nulls first")
                .append(", a.username limit ? offset ?");
        params.addAll(List.of(size, offset));
        return jdbc.sql(sql.toString()).params(params).query(Long.class).list();
    }

    /** How many students a filter selects. */
    public long count(String quizId, Filter filter) {
        List<Object> params = new ArrayList<>(List.of(quizId));
        StringBuilder sql = new StringBuilder("select count(*)");
        where(sql, params, filter);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /** The SQL of a column of the table; only these fixed expressions ever reach the statement. */
    private static String order(ResultsQuery.Order column) {
        return switch (column) {
            case NETID -> "a.username";
            case NAME -> "lower(a.full_name)";
            case SECTION -> "a.section";
            case STATUS -> STATUS_RANK;
            case STARTED -> "t.started_at";
            case SUBMITTED -> "t.submitted_at";
            // from start to submission, or to the deadline if that came first (Attempt.timeUsed)
            case TIME -> "case when t.submitted_at is null then null when t.submitted_at > t.deadline"
                    + " then t.deadline - t.started_at else t.submitted_at - t.started_at end";
            case TOTAL -> "t.total";
        };
    }

    /** The status in the order of {@code ResultStatus}: not started, in progress, needs grading, submitted. */
    private static final String STATUS_RANK = "case when t.id is null then 0 when t.submitted_at is null then 1"
            + " when t.pending_count > 0 then 2 else 3 end";

    private static void where(StringBuilder sql, List<Object> params, Filter filter) {
        sql.append(" from account a left join attempt t on t.account_id = a.id and t.quiz_id = ? where a.role = 'STUDENT'");
        if (!filter.section().isEmpty()) {
            sql.append(" and a.section = ?");
            params.add(filter.section());
        }
        if (filter.status() != null) {
            sql.append(switch (filter.status()) {
                case NOT_STARTED -> " and t.id is null";
                case IN_PROGRESS -> " and t.id is not null and t.submitted_at is null";
                case NEEDS_GRADING -> " and t.submitted_at is not null and t.pending_count > 0";
                case SUBMITTED -> " and t.submitted_at is not null and (t.pending_count is null or t.pending_count = 0)";
            });
        }
        if (filter.pattern() != null) {
            sql.append(" and (lower(a.username) like ? escape '!' or lower(a.full_name) like ? escape '!')");
            params.addAll(List.of(filter.pattern(), filter.pattern()));
        }
    }
}
