package org.quizdesk.attempt.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.quizdesk.system.Outage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The autosave's one write, in plain SQL: the hottest statement of the application, so it skips the JPA query
 * translation and cache bookkeeping that a bulk JPQL update pays on every call.
 */
@Component
public class AnswerStore {

    private final JdbcClient jdbc;

    AnswerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the answers only while the attempt is open and its deadline is after {@code deadlineAfter}; 1 if stored. */
    public int save(long attemptId, long accountId, String answers, Instant now, Instant deadlineAfter) {
        return jdbc.sql("""
                        update attempt set answers = ?, saved_at = ?, save_count = save_count + 1
                        where id = ? and account_id = ? and submitted_at is null and deadline > ?""")
                .params(answers, utc(now), attemptId, accountId, utc(deadlineAfter))
                .update();
    }

    /**
     * Stores the final answers of an attempt whose time ran out during the outage, and marks it with the outage.
     * The caller has checked the rule on the attempt; the guard keeps it from overwriting a submitted one.
     */
    public int saveAfterOutage(long attemptId, long accountId, String answers, Instant now, Outage outage) {
        return jdbc.sql("""
                        update attempt set answers = ?, saved_at = ?, save_count = save_count + 1, outage_from = ?, outage_to = ?
                        where id = ? and account_id = ? and submitted_at is null""")
                .params(answers, utc(now), utc(outage.from()), utc(outage.to()), attemptId, accountId)
                .update();
    }

    /** Marks an open attempt as submitted with the outage's allowance (a submission without new answers). */
    public int markOutage(long attemptId, Outage outage) {
        return jdbc.sql("update attempt set outage_from = ?, outage_to = ? where id = ? and submitted_at is null")
                .params(utc(outage.from()), utc(outage.to()), attemptId)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
