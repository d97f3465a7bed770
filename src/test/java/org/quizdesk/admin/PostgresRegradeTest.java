package org.quizdesk.admin;

import org.quizdesk.testsupport.OnPostgres;

/** {@link RegradeTest} on a real PostgreSQL. */
@OnPostgres
class PostgresRegradeTest extends RegradeTest {
}
