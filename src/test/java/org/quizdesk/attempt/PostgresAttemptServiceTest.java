package org.quizdesk.attempt;

import org.quizdesk.testsupport.OnPostgres;

/** {@link AttemptServiceTest} on a real PostgreSQL. */
@OnPostgres
class PostgresAttemptServiceTest extends AttemptServiceTest {
}
