package org.quizdesk.attempt;

import org.quizdesk.testsupport.OnPostgres;

/** {@link AttemptPersistenceTest} on a real PostgreSQL. */
@OnPostgres
class PostgresAttemptPersistenceTest extends AttemptPersistenceTest {
}
