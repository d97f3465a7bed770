package org.quizdesk.account;

import org.quizdesk.testsupport.OnPostgres;

/** The sign-in throttle's guarded statements on a real PostgreSQL, parallel guesses included. */
@OnPostgres
class PostgresSignInOverHttpTest extends SignInOverHttpTest {
}
