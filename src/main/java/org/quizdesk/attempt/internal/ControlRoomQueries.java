package org.quizdesk.attempt.internal;

import static org.quizdesk.attempt.internal.EvidenceStore.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.quizdesk.attempt.LiveStatus;
import org.quizdesk.attempt.SubmittedBy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The control room's statements: the version stamp, and a page of rows (with a count when filtered). They join the roster (the account table, read-only) with the quiz's attempts
 * in the database, because the page filters by status and sorts by time left across the whole roster: fetching
 * students and attempts separately would read all 10,000 of one or the other on every page.
 */
@Component
public class ControlRoomQueries {

    /** The version stamp and the header's counts, in one aggregate over the quiz's attempts (the unique key's index). */
    public record Stamp(long roster, long started, long submitted, long ranOut, Instant lastSave, Instant lastSubmission,
            Instant lastStart, Instant lastDeadline, long saves, long lastEvent) {
    }

    /** One row of the roster with its attempt's columns (all null or 0 for a student who has not started). */
    public record Row(long accountId, String netId, String fullName, Long attemptId, Instant startedAt, Instant deadline,
            Instant savedAt, Instant submittedAt, SubmittedBy submittedBy, int answered, String startAddress,
            String startBrowser, String lastAddress, String lastBrowser, boolean secondAddress, boolean secondBrowser) {
    }

    /** The orders the table offers; each ends with the net id, so pages are stable. */
    public enum Order {
        NET_ID("a.username"),
        TIME_LEFT("case when t.submitted_at is null then t.deadline end asc nulls last, a.username"),
        LAST_SAVE("case when t.submitted_at is null then coalesce(t.saved_at, t.started_at) end asc nulls last, a.username");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    private final JdbcClient jdbc;

    ControlRoomQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Stamp stamp(String quizId) {
        return jdbc.sql("""
                        select (select count(*) from account where role = 'STUDENT'),
                               count(t.id), count(t.submitted_at), sum(case when t.submitted_by = 'DEADLINE' then 1 else 0 end),
                               max(t.saved_at), max(t.submitted_at), max(t.started_at), max(t.deadline), sum(t.save_count),
                               (select max(e.id) from attempt_event e where e.quiz_id = ?)
                        from attempt t join account a on a.id = t.account_id
                        where t.quiz_id = ? and a.role = 'STUDENT'""")
                .params(quizId, quizId)
                .query((rs, n) -> new Stamp(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), instant(rs, 5),
                        instant(rs, 6), instant(rs, 7), instant(rs, 8), rs.getLong(9), rs.getLong(10)))
                .single();
    }

    /**
     * One page of the roster: a status (null for all), a search in net id and name (a lower-case LIKE pattern with
     * {@code !} as escape, null for none), an order.
     */
    public List<Row> page(String quizId, LiveStatus status, String pattern, Order order, int offset, int size) {
        List<Object> params = new ArrayList<>(List.of(quizId));
        StringBuilder sql = new StringBuilder("""
                select a.id, a.username, a.full_name, t.id, t.started_at, t.deadline, t.saved_at, t.submitted_at,
                       t.submitted_by, t.answered_count, t.start_address, t.start_browser, t.last_address, t.last_browser,
                       t.second_address, t.second_browser""");
        where(sql, params, status, pattern);
        sql.append(" order by ").append(order.sql).append(" limit ? offset ?");
        params.addAll(List.of(size, offset));
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list();
    }

    /**
     * How many rows a filter selects. A separate count rather than a window function over the page's query: H2
     * computes {@code count(*) over ()} by materialising every row, several times slower for 10,000 students.
     */
    public long count(String quizId, LiveStatus status, String pattern) {
        List<Object> params = new ArrayList<>(List.of(quizId));
        StringBuilder sql = new StringBuilder("select count(*)");
        where(sql, params, status, pattern);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static void where(StringBuilder sql, List<Object> params, LiveStatus status, String pattern) {
        sql.append(" from account a left join attempt t on t.account_id = a.id and t.quiz_id = ? where a.role = 'STUDENT'");
        if (status != null) {
            sql.append(switch (status) {
                case NOT_STARTED -> " and t.id is null";
                case IN_PROGRESS -> " and t.id is not null and t.submitted_at is null";
                case SUBMITTED -> " and t.submitted_at is not null and t.submitted_by <> 'DEADLINE'";
                case TIME_RAN_OUT -> " and t.submitted_by = 'DEADLINE'";
            });
        }
        if (pattern != null) {
            sql.append(" and (lower(a.username) like ? escape '!' or lower(a.full_name) like ? escape '!')");
            params.addAll(List.of(pattern, pattern));
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        long attemptId = rs.getLong(4);
        boolean started = !rs.wasNull();
        String by = rs.getString(9);
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), started ? attemptId : null, instant(rs, 5),
                instant(rs, 6), instant(rs, 7), instant(rs, 8), by == null ? null : SubmittedBy.valueOf(by),
                rs.getInt(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getBoolean(15), rs.getBoolean(16));
    }
}
