package org.quizdesk.attempt;

import org.quizdesk.testsupport.OnPostgres;

/** {@link KeyFreeReviewTest} on a real PostgreSQL (the V6 column and rows without it). */
@OnPostgres
class PostgresKeyFreeReviewTest extends KeyFreeReviewTest {
}
