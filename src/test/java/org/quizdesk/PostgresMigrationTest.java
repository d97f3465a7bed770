package org.quizdesk;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.quizdesk.testsupport.EmbeddedPostgresServer;

/** {@link MigrationTest} on a real PostgreSQL: a new database of the shared embedded server for each test. */
class PostgresMigrationTest extends MigrationTest {

    @Override
    DataSource emptyDatabase() {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(EmbeddedPostgresServer.createDatabase());
        postgres.setUser(EmbeddedPostgresServer.username());
        postgres.setPassword(EmbeddedPostgresServer.password());
        return postgres;
    }
}
