package org.quizdesk.attempt.internal;

import static org.quizdesk.attempt.internal.EvidenceStore.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.quizdesk.system.Outage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The autosave's one write, in plain SQL: the hottest statement of the application, so it skips the JPA query
 * translation and cache bookkeeping that a bulk JPQL update pays on every call.
 */
@Component
public class AnswerStore {

    private static final String SAVE = """
            update attempt set answers = ?, answered_count = ?, saved_at = ?, save_count = save_count + 1
            where id = ? and account_id = ? and submitted_at is null and deadline > ?""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    AnswerStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /**
     * Stores the answers only while the attempt is open and its deadline is after {@code deadlineAfter}; 1 if stored.
     * A save from another place than the last one ({@code newPlace}, null when unchanged: the usual case) records the
     * new address and browser in the same single-row update, and sets the flags when they differ from the start's; an
     * unknown start place (attempts from before V10, tools) flags nothing.
     */
    public int save(long attemptId, long accountId, String answers, int answered, Place newPlace, Instant now, Instant deadlineAfter) {
        if (newPlace == null) {
            return jdbc.sql(SAVE).params(answers, answered, utc(now), attemptId, accountId, utc(deadlineAfter)).update();
        }
        // an unknown address or browser (a tool's request) leaves the last known one and the flag as they are
        StringBuilder sql = new StringBuilder("update attempt set answers = ?, answered_count = ?, saved_at = ?, save_count = save_count + 1");
        List<Object> params = new ArrayList<>(List.of(answers, answered, utc(now)));
        if (newPlace.address() != null) {
            sql.append(", last_address = ?, second_address = case when start_address is not null and start_address <> ? then true else second_address end");
            params.addAll(List.of(newPlace.address(), newPlace.address()));
        }
        if (newPlace.browser() != null) {
            sql.append(", last_browser = ?, second_browser = case when start_browser is not null and start_browser <> ? then true else second_browser end");
            params.addAll(List.of(newPlace.browser(), newPlace.browser()));
        }
        sql.append(" where id = ? and account_id = ? and submitted_at is null and deadline > ?");
        params.addAll(List.of(attemptId, accountId, utc(deadlineAfter)));
        return jdbc.sql(sql.toString()).params(params).update();
    }

    /** One save from the usual place, as {@link #save} writes it with no new place. */
    public record AnswerWrite(long attemptId, long accountId, String answers, int answered, Instant now, Instant deadlineAfter) {
    }

    /**
     * The same guarded update as {@link #save} for many saves, in their order, as one JDBC batch (one round trip on
     * PostgreSQL); per save 1 if stored, 0 if not, or {@link java.sql.Statement#SUCCESS_NO_INFO} where a driver does not
     * say. The caller's transaction makes them one commit.
     */
    public int[] saveAll(List<AnswerWrite> writes) {
        return batches.batchUpdate(SAVE, writes.stream().map(w -> new Object[] {w.answers(), w.answered(), utc(w.now()),
                w.attemptId(), w.accountId(), utc(w.deadlineAfter())}).toList());
    }

    /** The address and browser of the attempt's last save (its start's until then), for a node that has not seen it yet. */
    public Place lastPlace(long attemptId) {
        return jdbc.sql("select last_address, last_browser from attempt where id = ?").param(attemptId)
                .query((rs, n) -> new Place(rs.getString(1), rs.getString(2))).optional().orElse(Place.UNKNOWN);
    }

    /** Where a request came from: an address and a browser label, either possibly unknown (null). */
    public record Place(String address, String browser) {

        public static final Place UNKNOWN = new Place(null, null);
    }

    /**
     * Stores the final answers of an attempt whose time ran out during the outage, and marks it with the outage.
     * The caller has checked the rule on the attempt; the guard keeps it from overwriting a submitted one.
     */
    public int saveAfterOutage(long attemptId, long accountId, String answers, int answered, Instant now, Outage outage) {
        return jdbc.sql("""
                        update attempt set answers = ?, answered_count = ?, saved_at = ?, save_count = save_count + 1,
                            outage_from = ?, outage_to = ?
                        where id = ? and account_id = ? and submitted_at is null""")
                .params(answers, answered, utc(now), utc(outage.from()), utc(outage.to()), attemptId, accountId)
                .update();
    }

    /** Marks an open attempt as submitted with the outage's allowance (a submission without new answers). */
    public int markOutage(long attemptId, Outage outage) {
        return jdbc.sql("update attempt set outage_from = ?, outage_to = ? where id = ? and submitted_at is null")
                .params(utc(outage.from()), utc(outage.to()), attemptId)
                .update();
    }
}
