package org.quizdesk.durability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The app's H2 file read and changed directly, while no app process runs (the file is the app's alone otherwise). */
final class AppDatabase {

    private final String url;

    AppDatabase(Path workDir) {
        this.url = "jdbc:h2:file:" + workDir.resolve("data/quizdesk").toAbsolutePath();
    }

    /** Opens the database (as the app would after a crash) and closes it again; throws if it does not open. */
    void open() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("select count(*) from attempt");
        }
    }

    int update(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    /** The first column of the single row the query returns (null if there is none). */
    String one(String sql) throws SQLException {
        List<String> rows = column(sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    List<String> column(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
