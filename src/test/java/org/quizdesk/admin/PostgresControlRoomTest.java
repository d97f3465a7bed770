package org.quizdesk.admin;

import org.quizdesk.testsupport.OnPostgres;

/** {@link ControlRoomTest} on a real PostgreSQL (the roster join, the window count, the stamp's aggregate). */
@OnPostgres
class PostgresControlRoomTest extends ControlRoomTest {
}
