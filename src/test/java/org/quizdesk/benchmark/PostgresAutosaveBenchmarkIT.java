package org.quizdesk.benchmark;

import org.quizdesk.testsupport.OnPostgres;

/** Production's database: the embedded PostgreSQL of the tests (default settings, fsync on). */
@OnPostgres
class PostgresAutosaveBenchmarkIT extends AutosaveBenchmarkIT {

    @Override
    String database() {
        return "PostgreSQL (embedded, default settings)";
    }
}
