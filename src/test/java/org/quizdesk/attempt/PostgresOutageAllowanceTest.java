package org.quizdesk.attempt;

import org.quizdesk.testsupport.OnPostgres;

/** {@link OutageAllowanceTest} on a real PostgreSQL: the heartbeat row, the outage columns, the guarded updates. */
@OnPostgres
class PostgresOutageAllowanceTest extends OutageAllowanceTest {
}
