package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * What one submission costs the database (the submit burst: every student in the last minute). Counted by H2 itself
 * (its query statistics, database-wide, so only statements on the attempt's own tables count) and by Hibernate's
 * statistics for the JDBC round trips it makes. Same context as {@link AttemptServiceTest}.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class SubmitStatementsTest {

    static final String QUIZ = AttemptServiceTest.QUIZ;

    @Autowired AttemptService attempts;
    @Autowired AccountService accounts;
    @Autowired QuizSettingsRepository settings;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired EntityManagerFactory entityManagers;

    Account student;
    Attempt attempt;

    @BeforeEach
    void aStudentWithSavedAnswers() throws Exception {
        clock.set(MutableClockConfiguration.START);
        QuizSettingsRow quiz = settings.findById(QUIZ).orElseThrow();
        quiz.setPublished(true);
        quiz.setWindow(null, null);
        quiz.setTimeLimitSeconds(null);
        settings.save(quiz);
        student = accounts.create("sub" + System.nanoTime(), "Ada Lovelace", null, "AA", Role.STUDENT, "pw");
        attempt = attempts.start(QUIZ, student.id(), "Ada Lovelace");
        attempts.save(attempt.getId(), student.id(), "{}");
    }

    @AfterEach
    void statisticsOff() {
        jdbc.execute("SET QUERY_STATISTICS FALSE");
        hibernateStatistics().setStatisticsEnabled(false);
    }

    @Test
    void aSubmissionReadsTheAttemptThreeTimesAndWritesEachScoreOnce() throws Exception {
        jdbc.execute("SET QUERY_STATISTICS TRUE"); // (re)starts H2's count from nothing

        Attempt submitted = attempts.submit(attempt.getId(), student.id(), AttemptServiceTest.solutionKey());

        List<Map<String, Object>> statements = jdbc.queryForList(
                "select sql_statement, execution_count from information_schema.query_statistics");
        int questions = jdbc.queryForObject("select count(*) from question_score where attempt_id = ?", Integer.class, attempt.getId());
        assertThat(submitted.getSubmittedAt()).as("the answer's attempt is the submitted one").isNotNull();
        assertThat(submitted.getTotal()).as("and graded").isNotNull();
        assertThat(questions).isPositive();
        assertThat(executions(statements, "select", "from attempt "))
                .as("the check before the final answers, the answers graded after the claim, the attempt to answer with")
                .isEqualTo(3);
        assertThat(executions(statements, "update attempt")).as("the final answers, the claim, the total").isEqualTo(3);
        assertThat(executions(statements, "insert into question_score")).as("one row per question").isEqualTo(questions);
        assertThat(executions(statements, "insert into attempt_event")).as("the timeline's submission").isEqualTo(1);
    }

    @Test
    void aSubmissionWritesInPlainSqlNotThroughTheEntities() throws Exception {
        Statistics statistics = hibernateStatistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);

        attempts.submit(attempt.getId(), student.id(), AttemptServiceTest.solutionKey());

        // the writer's commit (answers, claim, timeline, scores, total) is JDBC, as the autosave's: code that is
        // compiled by the time a class submits. JPA only reads the attempt, before the commit and after it.
        assertThat(statistics.getPrepareStatementCount()).as("JDBC statements Hibernate prepared").isEqualTo(2);
        assertThat(statistics.getEntityInsertCount() + statistics.getEntityUpdateCount()).as("entities written").isZero();
        assertThat(jdbc.queryForObject("select count(*) from question_score where attempt_id = ?", Integer.class, attempt.getId()))
                .as("score rows written").isGreaterThan(5);
    }

    private Statistics hibernateStatistics() {
        return entityManagers.unwrap(SessionFactory.class).getStatistics();
    }

    /** Executions of the statements that start with {@code start} and contain {@code part}, lower case. */
    private static long executions(List<Map<String, Object>> statements, String start, String part) {
        return statements.stream()
                .filter(row -> {
                    String sql = row.get("SQL_STATEMENT").toString().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                    return sql.startsWith(start) && sql.contains(part);
                })
                .mapToLong(row -> ((Number) row.get("EXECUTION_COUNT")).longValue())
                .sum();
    }

    private static long executions(List<Map<String, Object>> statements, String start) {
        return executions(statements, start, "");
    }
}
