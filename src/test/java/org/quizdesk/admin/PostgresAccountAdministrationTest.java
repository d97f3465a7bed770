package org.quizdesk.admin;

import org.quizdesk.testsupport.OnPostgres;

/** {@link AccountAdministrationTest} on a real PostgreSQL: the search's LIKE, sessions in its tables. */
@OnPostgres
class PostgresAccountAdministrationTest extends AccountAdministrationTest {
}
