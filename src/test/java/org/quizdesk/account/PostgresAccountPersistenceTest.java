package org.quizdesk.account;

import org.quizdesk.testsupport.OnPostgres;

/** {@link AccountPersistenceTest} on a real PostgreSQL. */
@OnPostgres
class PostgresAccountPersistenceTest extends AccountPersistenceTest {
}
