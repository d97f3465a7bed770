package org.quizdesk.admin;

import org.quizdesk.testsupport.OnPostgres;

/** {@link ReleaseAndStaffPagesTest} on a real PostgreSQL. */
@OnPostgres
class PostgresReleaseAndStaffPagesTest extends ReleaseAndStaffPagesTest {
}
