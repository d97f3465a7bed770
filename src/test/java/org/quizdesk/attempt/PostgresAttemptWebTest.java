package org.quizdesk.attempt;

import org.quizdesk.testsupport.OnPostgres;

/** {@link AttemptWebTest} on a real PostgreSQL. */
@OnPostgres
class PostgresAttemptWebTest extends AttemptWebTest {
}
