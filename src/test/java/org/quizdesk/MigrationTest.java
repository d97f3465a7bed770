package org.quizdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every migration, from an empty database and from the previous release's schema (V1 alone) with data in it.
 * On H2 here; {@link PostgresMigrationTest} runs the same on PostgreSQL.
 */
class MigrationTest {

    private static final Instant STARTED = Instant.parse("2024-10-25T17:30:00Z");
    private static final String ANSWERS = "{\"1.1\":true,\"2.1\":[\"A\",\"C\"],\"3.1.4\":\"Sch\u00f6n: stride 4\"}";

    /** A new, empty database of the kind under test. */
    DataSource emptyDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    private static Flyway flyway(DataSource database, String target) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load();
    }

    @Test
    void everyMigrationRunsOnAnEmptyDatabase() {
        DataSource database = emptyDatabase();
        Flyway flyway = flyway(database, "latest");

        flyway.migrate();

        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).isNotEmpty().allSatisfy(m -> assertThat(m.getState()).as(m.getScript()).isEqualTo(MigrationState.SUCCESS));
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(Arrays.stream(applied).map(m -> m.getVersion().getVersion())).contains("1", "3");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        for (String table : List.of("quiz", "quiz_version", "account", "attempt", "question_score", "accommodation",
                "spring_session", "spring_session_attributes", "shedlock")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table, Integer.class)).as(table).isZero();
        }
    }

    @Test
    void attemptsStartedBeforeVersionSeedsGetSeedZeroTheFilesOrder() {
        DataSource database = emptyDatabase();
        flyway(database, "1").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        insertPreviousReleaseRows(jdbc);

        flyway(database, "latest").migrate();

        assertThat(jdbc.queryForList("select version_seed from attempt", Long.class)).isNotEmpty().containsOnly(0L);
    }

    @Test
    void dataOfThePreviousReleaseSurvivesTheMigrationToTheLatest() {
        DataSource database = emptyDatabase();
        flyway(database, "1").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        insertPreviousReleaseRows(jdbc);

        flyway(database, "latest").migrate();

        assertThat(flyway(database, "latest").info().pending()).isEmpty();
        long student = accountId(jdbc, "student1");
        long submitted = attemptId(jdbc, student);
        long open = attemptId(jdbc, accountId(jdbc, "instructor"));
        assertThat(jdbc.queryForObject("select title from quiz where id = 'quiz2'", String.class)).isEqualTo("Quiz 2");
        assertThat(jdbc.queryForObject("select time_limit_seconds from quiz where id = 'quiz2'", Integer.class)).isEqualTo(1800);
        assertThat(jdbc.queryForObject("select v.source from quiz q join quiz_version v on v.id = q.current_version_id "
                + "where q.id = 'quiz2'", String.class)).isEqualTo("id: quiz2\n");
        assertThat(jdbc.queryForList("select username from account order by id", String.class)).containsExactly("instructor", "student1");
        assertThat(jdbc.queryForObject("select answers from attempt where id = ?", String.class, submitted)).isEqualTo(ANSWERS);
        assertThat(jdbc.queryForObject("select answers from attempt where id = ?", String.class, open)).isEqualTo("{}");
        assertThat(jdbc.queryForObject("select total from attempt where id = ?", BigDecimal.class, submitted)).isEqualByComparingTo("16.5");
        assertThat(jdbc.queryForObject("select submitted_by from attempt where id = ?", String.class, submitted)).isEqualTo("DEADLINE");
        assertThat(jdbc.queryForObject("select deadline from attempt where id = ?", Timestamp.class, submitted).toInstant())
                .isEqualTo(STARTED.plusSeconds(1800));
        assertThat(jdbc.queryForObject("select count(*) from attempt where submitted_at is null", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select reasons from question_score where attempt_id = ? and question_id = '2.1'",
                String.class, submitted)).isEqualTo("[\"missed C (\u22122)\"]");
        assertThat(jdbc.queryForObject("select override_comment from question_score where attempt_id = ? and question_id = '3.1.4'",
                String.class, submitted)).isEqualTo("Good reasoning");
        assertThat(jdbc.queryForObject("select time_factor from accommodation where account_id = ?", BigDecimal.class, student))
                .isEqualByComparingTo("1.5");
        // demo accounts of earlier releases are recognised, so a start without them disables them
        assertThat(jdbc.queryForList("select username from account where demo order by id", String.class)).containsExactly("student1");
        // new rows still get fresh ids after the upgrade
        jdbc.update("insert into account (username, full_name, role, created_at) values ('student2', 'Alan Turing', 'STUDENT', ?)",
                at(STARTED));
        assertThat(accountId(jdbc, "student2")).isGreaterThan(student);
        // V6: a quiz already in the database keeps its published flag, a new one starts hidden; old scores have no
        // key-free reasons (they read as points lost)
        assertThat(jdbc.queryForObject("select published from quiz where id = 'quiz2'", Boolean.class)).isTrue();
        jdbc.update("insert into quiz (id, title, created_at) values ('quiz3', 'Quiz 3', ?)", at(STARTED));
        assertThat(jdbc.queryForObject("select published from quiz where id = 'quiz3'", Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from question_score where key_free_reasons is null", Integer.class))
                .isEqualTo(2);
    }

    /**
     * The rows a course running the previous release has: a quiz with a version, accounts, attempts and scores.
     * Ids come from the database, as the application's do.
     */
    private static void insertPreviousReleaseRows(JdbcTemplate jdbc) {
        jdbc.update("insert into quiz (id, title, time_limit_seconds, created_at) values ('quiz2', 'Quiz 2', 1800, ?)", at(STARTED));
        jdbc.update("insert into quiz_version (quiz_id, content_hash, source_file, source, loaded_at) "
                + "values ('quiz2', 'abc123', 'quizzes/quiz2.yaml', 'id: quiz2\n', ?)", at(STARTED));
        long version = jdbc.queryForObject("select id from quiz_version where content_hash = 'abc123'", Long.class);
        jdbc.update("update quiz set current_version_id = ? where id = 'quiz2'", version);
        jdbc.update("insert into account (username, full_name, role, password_hash, created_at) "
                + "values ('instructor', 'Instructor', 'INSTRUCTOR', ?, ?)", "$2a$10$hash", at(STARTED));
        jdbc.update("insert into account (username, full_name, email, section, role, created_at) "
                + "values ('student1', 'Ada Lovelace', 'student1@example.edu', 'AA', 'STUDENT', ?)", at(STARTED));
        long instructor = accountId(jdbc, "instructor");
        long student = accountId(jdbc, "student1");
        jdbc.update("insert into attempt (quiz_id, version_id, account_id, signature, started_at, deadline, answers, saved_at, "
                + "save_count, submitted_at, submitted_by, total, max_points, pending_count) "
                + "values ('quiz2', ?, ?, 'Ada Lovelace', ?, ?, ?, ?, 3, ?, 'DEADLINE', 16.5, 20, 1)",
                version, student, at(STARTED), at(STARTED.plusSeconds(1800)), ANSWERS, at(STARTED.plusSeconds(600)),
                at(STARTED.plusSeconds(1830)));
        jdbc.update("insert into attempt (quiz_id, version_id, account_id, signature, started_at, deadline, answers) "
                + "values ('quiz2', ?, ?, 'Instructor', ?, ?, '{}')", version, instructor, at(STARTED), at(STARTED.plusSeconds(1800)));
        long submitted = attemptId(jdbc, student);
        jdbc.update("insert into question_score (attempt_id, question_id, max_points, auto_score, score, reasons) "
                + "values (?, '2.1', 4, 2, 2, ?)", submitted, "[\"missed C (\u22122)\"]");
        jdbc.update("insert into question_score (attempt_id, question_id, max_points, auto_score, score, reasons, override_comment) "
                + "values (?, '3.1.4', 2, null, 1.5, '[]', 'Good reasoning')", submitted);
        jdbc.update("insert into accommodation (quiz_id, account_id, time_factor, extra_minutes) values ('quiz2', ?, 1.5, 10)", student);
    }

    private static long accountId(JdbcTemplate jdbc, String username) {
        return jdbc.queryForObject("select id from account where username = ?", Long.class, username);
    }

    private static long attemptId(JdbcTemplate jdbc, long accountId) {
        return jdbc.queryForObject("select id from attempt where account_id = ?", Long.class, accountId);
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
