package org.quizdesk.attempt.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The evidence tables in plain SQL: rare events one row each, saves per minute in batches. */
@Component
public class EvidenceStore {

    /** A stored event; {@code kind} is an {@code EvidenceKind} name. */
    public record Event(long attemptId, Instant at, String kind, String detail) {
    }

    /** Saves of one attempt in one minute, as one node counted them between two flushes. */
    public record SaveMinute(long attemptId, Instant minute, int saves) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    EvidenceStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** One event; the quiz id is looked up in the same statement, so callers need only the attempt. */
    public void insert(long attemptId, Instant at, String kind, String detail) {
        jdbc.sql("insert into attempt_event (attempt_id, quiz_id, occurred_at, kind, detail) select id, quiz_id, ?, ?, ? from attempt where id = ?")
                .params(utc(at), kind, detail, attemptId)
                .update();
    }

    public List<Event> events(long attemptId) {
        return jdbc.sql("select attempt_id, occurred_at, kind, detail from attempt_event where attempt_id = ? order by occurred_at, id")
                .param(attemptId)
                .query((rs, n) -> new Event(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** One batched statement for a node's whole flush. */
    public void insertSaveMinutes(List<SaveMinute> minutes) {
        if (minutes.isEmpty()) {
            return;
        }
        batches.batchUpdate("insert into attempt_save_minute (attempt_id, save_minute, saves) values (?, ?, ?)",
                minutes.stream().map(m -> new Object[] {m.attemptId(), utc(m.minute()), m.saves()}).toList());
    }

    /** Saves per minute of the attempt, the rows of every node and flush summed, oldest first. */
    public List<SaveMinute> saveMinutes(long attemptId) {
        return jdbc.sql("""
                        select save_minute, sum(saves) from attempt_save_minute where attempt_id = ?
                        group by save_minute order by save_minute""")
                .param(attemptId)
                .query((rs, n) -> new SaveMinute(attemptId, instant(rs, 1), rs.getInt(2)))
                .list();
    }

    /** An instant as the timestamp-with-time-zone columns take it; {@link #instant} reads it back. */
    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
