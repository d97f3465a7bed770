package org.quizdesk.admin;

import org.quizdesk.testsupport.OnPostgres;

/** {@link RosterSafetyTest} on a real PostgreSQL. */
@OnPostgres
class PostgresRosterSafetyTest extends RosterSafetyTest {
}
