package org.quizdesk.attempt;

import org.quizdesk.testsupport.OnPostgres;

/** {@link EvidenceRecordingTest} on a real PostgreSQL (the V10 columns and tables, the save's place update, the batch). */
@OnPostgres
class PostgresEvidenceRecordingTest extends EvidenceRecordingTest {
}
