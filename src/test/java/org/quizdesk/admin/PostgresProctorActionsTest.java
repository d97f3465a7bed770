package org.quizdesk.admin;

import org.quizdesk.testsupport.OnPostgres;

/** {@link ProctorActionsTest} on PostgreSQL. */
@OnPostgres
class PostgresProctorActionsTest extends ProctorActionsTest {
}
