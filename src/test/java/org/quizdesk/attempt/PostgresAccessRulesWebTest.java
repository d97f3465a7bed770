package org.quizdesk.attempt;

import org.quizdesk.testsupport.OnPostgres;

/** {@link AccessRulesWebTest} on a real PostgreSQL (the refusals' unique key, the V9 columns). */
@OnPostgres
class PostgresAccessRulesWebTest extends AccessRulesWebTest {
}
