package org.quizdesk.attempt;

import org.quizdesk.testsupport.OnPostgres;

/** {@link ShuffledQuizWebTest} on a real PostgreSQL (the V8 seed column, a bigint). */
@OnPostgres
class PostgresShuffledQuizWebTest extends ShuffledQuizWebTest {
}
