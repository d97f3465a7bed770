package org.quizdesk.attempt.internal;

import static org.quizdesk.attempt.internal.EvidenceStore.utc;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.quizdesk.attempt.SubmittedBy;
import org.quizdesk.grading.QuestionScore;
import org.quizdesk.grading.QuizScore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A submission's writes in plain SQL, as the autosave's ({@link AnswerStore}): the guarded claim, one read of what the
 * claimed attempts are graded on, and their scores and totals in batches. At a common deadline a whole class submits
 * within a minute; through JPA each submission paid for entity loading, dirty checking and a flush, in code that had
 * not run before the class's first submission, while this is the autosave's kind of statement, compiled long before.
 */
@Component
public class SubmissionStore {

    private static final String SCORE = """
            insert into question_score (attempt_id, question_id, max_points, auto_score, score, reasons, key_free_reasons)
            values (?, ?, ?, ?, ?, ?, ?)""";

    // the guard as the entity's: only a submitted attempt has a total
    private static final String TOTAL = "update attempt set total = ?, max_points = ?, pending_count = ? where id = ? and submitted_at is not null";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    SubmissionStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Claims the submission: only one caller (tab, retry, node, proctor or the deadline job) ever gets 1. */
    public int claim(long attemptId, Instant now, SubmittedBy by) {
        return jdbc.sql("update attempt set submitted_at = ?, submitted_by = ? where id = ? and submitted_at is null")
                .params(utc(now), by.name(), attemptId)
                .update();
    }

    /** What an attempt is graded on: its version, its student's seed and its answers. */
    public record ToGrade(long attemptId, long versionId, long versionSeed, String answers) {
    }

    /** The given attempts' versions and answers, in one read, in no particular order. */
    public List<ToGrade> toGrade(Collection<Long> attemptIds) {
        if (attemptIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, version_id, version_seed, answers from attempt where id in (:ids)")
                .param("ids", attemptIds)
                .query((rs, n) -> new ToGrade(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .list();
    }

    /** An attempt's score, as grading gives it. */
    public record Score(long attemptId, QuizScore score) {
    }

    /**
     * Stores the scores of submitted attempts that have none yet: a row per question, and the attempt's totals, as two
     * batches (a round trip each on PostgreSQL). A row that is there already fails the insert, and with it the caller's
     * transaction.
     */
    public void storeScores(List<Score> scores) {
        if (scores.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> totals = new ArrayList<>(scores.size());
        for (Score each : scores) {
            for (QuestionScore question : each.score().questions()) {
                rows.add(new Object[] {each.attemptId(), question.questionId(), question.max(), points(question.score()),
                        points(question.score()), ReasonsColumn.json(question.reasons()), ReasonsColumn.json(question.keyFreeReasons())});
            }
            QuizScore score = each.score();
            totals.add(new Object[] {score.total(), score.max(), score.pending().size(), each.attemptId()});
        }
        if (!rows.isEmpty()) {
            batches.batchUpdate(SCORE, rows);
        }
        int[] updated = batches.batchUpdate(TOTAL, totals);
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                throw new IllegalStateException("attempt " + scores.get(i).attemptId() + " is not submitted; cannot record a total");
            }
        }
    }

    /** A score typed, so that a pending one (null) is bound without asking the driver for the column's type. */
    private static SqlParameterValue points(BigDecimal score) {
        return new SqlParameterValue(Types.NUMERIC, score);
    }
}
