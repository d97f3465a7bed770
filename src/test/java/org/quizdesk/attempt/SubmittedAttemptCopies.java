package org.quizdesk.attempt;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many submitted attempts at once, for the staff pages' benchmarks: a few attempts are taken, graded and stored
 * through {@link AttemptService} (the templates), and every other student gets a copy of one of them, its scores
 * included, in two set-based statements per template. Copies start up to 29 minutes earlier than their template, so
 * times used spread. The attempt feature owns these tables, so their copying lives here.
 */
public final class SubmittedAttemptCopies {

    private SubmittedAttemptCopies() {
    }

    /**
     * Gives each student account (role STUDENT) without an attempt on the quiz a copy of template
     * {@code templates[account id mod n]}; returns how many attempts were inserted.
     */
    public static int copy(JdbcTemplate jdbc, String quizId, List<Long> templates) {
        // every attempt column but the ones set per copy, read from the schema so that later migrations are copied too
        List<String> columns = jdbc.queryForList("""
                select lower(column_name) from information_schema.columns
                where lower(table_name) = 'attempt' and lower(table_schema) = 'public'""", String.class).stream()
                .filter(c -> !List.of("id", "account_id", "started_at", "submitted_at").contains(c)).toList();
        List<String> scoreColumns = jdbc.queryForList("""
                select lower(column_name) from information_schema.columns
                where lower(table_name) = 'question_score' and lower(table_schema) = 'public'""", String.class).stream()
                .filter(c -> !c.equals("attempt_id")).toList();
        String copied = String.join(", ", columns);
        String fromTemplate = columns.stream().map(c -> "t." + c).collect(Collectors.joining(", "));
        int inserted = 0;
        for (int i = 0; i < templates.size(); i++) {
            inserted += jdbc.update("insert into attempt (account_id, started_at, submitted_at, " + copied + ") "
                    + "select a.id, t.started_at - (mod(a.id, 30) * interval '1' minute), t.submitted_at, " + fromTemplate
                    + " from attempt t, account a where t.id = ? and a.role = 'STUDENT' and mod(a.id, ?) = ?"
                    + " and not exists (select 1 from attempt o where o.quiz_id = ? and o.account_id = a.id)",
                    templates.get(i), templates.size(), i, quizId);
            String scoreList = String.join(", ", scoreColumns);
            String fromScore = scoreColumns.stream().map(c -> "s." + c).collect(Collectors.joining(", "));
            jdbc.update("insert into question_score (attempt_id, " + scoreList + ") select n.id, " + fromScore
                    + " from attempt n join account a on a.id = n.account_id join question_score s on s.attempt_id = ?"
                    + " where n.quiz_id = ? and n.id <> ? and mod(a.id, ?) = ?"
                    + " and not exists (select 1 from question_score o where o.attempt_id = n.id)",
                    templates.get(i), quizId, templates.get(i), templates.size(), i);
        }
        return inserted;
    }
}
