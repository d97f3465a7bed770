package org.quizdesk.admin;

import org.quizdesk.testsupport.OnPostgres;

/** {@link ExportAndRosterTest} on a real PostgreSQL. */
@OnPostgres
class PostgresExportAndRosterTest extends ExportAndRosterTest {
}
