package org.quizdesk.attempt;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The autosave's one write, in plain SQL: the hottest statement of the application, so it skips the JPA query
 * translation and cache bookkeeping that a bulk JPQL update pays on every call.
 */
@Component
class AnswerStore {

    private final JdbcClient jdbc;

    AnswerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the answers only while the attempt is open and its deadline is after {@code deadlineAfter}; 1 if stored. */
    int save(long attemptId, long accountId, String answers, Instant now, Instant deadlineAfter) {
        return jdbc.sql("""
                        update attempt set answers = ?, saved_at = ?, save_count = save_count + 1
                        where id = ? and account_id = ? and submitted_at is null and deadline > ?""")
                .params(answers, utc(now), attemptId, accountId, utc(deadlineAfter))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
