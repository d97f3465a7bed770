package org.quizdesk.quiz;

import org.quizdesk.testsupport.OnPostgres;

/** {@link QuizCatalogPersistenceTest} on a real PostgreSQL. */
@OnPostgres
class PostgresQuizCatalogPersistenceTest extends QuizCatalogPersistenceTest {
}
