package org.quizdesk.admin;

import org.quizdesk.testsupport.OnPostgres;

/** {@link AdminPanelTest} on a real PostgreSQL. */
@OnPostgres
class PostgresAdminPanelTest extends AdminPanelTest {
}
