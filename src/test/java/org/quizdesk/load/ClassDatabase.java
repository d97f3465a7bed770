package org.quizdesk.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.flywaydb.core.Flyway;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The benchmark's database: a fresh H2 file in the app's working folder (read only while the app is stopped: the
 * file is the app's alone otherwise), or an embedded PostgreSQL with its default durability (fsync on, unlike
 * the tests' shared server). Before the app's first start it gets the app's own migrations and the class.
 */
final class ClassDatabase implements AutoCloseable {

    static final String PASSWORD = "load-test-password";
    /** The instructor account the app creates on its first start (quizdesk.accounts.instructor-username/-password). */
    static final String INSTRUCTOR = "instructor";
    static final String INSTRUCTOR_PASSWORD = "load-benchmark-instructor";

    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedPostgres postgres;

    private ClassDatabase(String url, String user, String password, EmbeddedPostgres postgres) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.postgres = postgres;
    }

    static ClassDatabase of(String kind, Path workDir) throws IOException {
        if (kind.equals("postgres")) {
            EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start();
            return new ClassDatabase(server.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", server);
        }
        // the app's own URL is relative to its working folder: ./data/quizdesk
        return new ClassDatabase("jdbc:h2:file:" + workDir.resolve("data/quizdesk").toAbsolutePath(), "sa", "", null);
    }

    /** The app's arguments and environment that point it at this database. */
    List<String> appArguments() {
        return postgres == null ? List.of() : List.of("--spring.profiles.active=postgres");
    }

    Map<String, String> appEnvironment() {
        return postgres == null ? Map.of() : Map.of("POSTGRES_URL", url, "POSTGRES_USER", user, "POSTGRES_PASSWORD", password);
    }

    String kind() {
        return postgres == null ? "H2 (embedded file)" : "PostgreSQL (embedded, fsync on)";
    }

    /** The app's Flyway migrations, from the test classpath, exactly as the app's first start would run them. */
    void migrate() {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
    }

    /**
     * Inserts student00001 … in batches, all with one password hashed once: BCrypt is slow on purpose, and
     * 10,000 hashes would take longer than the run. The app checks the hash at sign-in as for any account.
     */
    void createStudents(int count) throws SQLException {
        insertAccounts(count, "STUDENT", ClassDatabase::username);
    }

    /** Inserts the course staff who keep the control room open, staff001 …, as TAs (who may open it), as students are. */
    void createStaff(int count) throws SQLException {
        insertAccounts(count, "TA", ClassDatabase::staffUsername);
    }

    private void insertAccounts(int count, String role, IntFunction<String> usernames) throws SQLException {
        String hash = new BCryptPasswordEncoder().encode(PASSWORD);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = connection();
             PreparedStatement insert = connection.prepareStatement("insert into account (username, full_name, section,"
                     + " role, password_hash, enabled, created_at, demo) values (?, ?, ?, ?, ?, true, ?, false)")) {
            connection.setAutoCommit(false);
            for (int person = 1; person <= count; person++) {
                insert.setString(1, usernames.apply(person));
                insert.setString(2, (role.equals("STUDENT") ? "Load Student " : "Load Staff ") + person);
                // students in two sections; staff in none
                insert.setString(3, !role.equals("STUDENT") ? null : person % 2 == 0 ? "AA" : "AB");
                insert.setString(4, role);
                insert.setString(5, hash);
                insert.setTimestamp(6, now);
                insert.addBatch();
                if (person % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    static String username(int student) {
        return String.format("student%05d", student);
    }

    static String staffUsername(int staff) {
        return String.format("staff%03d", staff);
    }

    Connection connection() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
