package org.quizdesk.attempt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quizdesk.grading.QuestionScore;
import org.quizdesk.grading.QuizScore;
import org.springframework.test.util.ReflectionTestUtils;

/** The attempt refuses what does not fit its state; the rubric column reads and writes the same JSON as before. */
class AttemptTransitionsTest {

    static final Instant START = Instant.parse("2026-03-02T17:00:00Z");
    static final Instant DEADLINE = START.plus(Duration.ofMinutes(30));

    final Attempt attempt = new Attempt("quiz", 1, 7, "Ada Lovelace", START, DEADLINE);

    static QuizScore score(String total) {
        return QuizScore.of(List.of(new QuestionScore("1.1", new BigDecimal(total), BigDecimal.TEN, List.of(), List.of()),
                new QuestionScore("3.1.4", null, new BigDecimal("2"), List.of(), List.of())));
    }

    @Test
    void anAttemptInProgressTakesNoTotalAndNoVersionMove() {
        assertThatThrownBy(() -> attempt.recordTotal(score("4"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> attempt.moveToVersion(2)).isInstanceOf(IllegalStateException.class);
        assertThat(attempt.getTotal()).isNull();
        assertThat(attempt.getVersionId()).isEqualTo(1);
    }

    @Test
    void aSubmittedAttemptRecordsItsTotalsFromTheQuizScoreAndMovesToAnotherVersion() {
        // submitted as the guarded claim in AttemptRepository leaves it
        ReflectionTestUtils.setField(attempt, "submittedAt", DEADLINE.minusSeconds(1));

        attempt.recordTotal(score("4"));
        attempt.moveToVersion(2);

        assertThat(attempt.getTotal()).isEqualByComparingTo("4");
        assertThat(attempt.getMaxPoints()).isEqualByComparingTo("12");
        assertThat(attempt.getPendingCount()).isEqualTo(1);
        assertThat(attempt.getVersionId()).isEqualTo(2);
    }

    @Test
    void rubricItemIdsAreStoredAsTheJsonArrayTheyWereStoredAsBefore() {
        RubricItemsColumn column = new RubricItemsColumn();

        assertThat(column.convertToDatabaseColumn(Set.of("stride-4", "receptive-field"))).isEqualTo("[\"receptive-field\",\"stride-4\"]");
        assertThat(column.convertToDatabaseColumn(Set.of())).isEqualTo("[]");
        // a row written by the hand-made JSON of earlier releases
        assertThat(column.convertToEntityAttribute("[\"stride-4\", \"receptive-field\"]")).containsExactlyInAnyOrder("stride-4", "receptive-field");
        assertThat(column.convertToEntityAttribute("[]")).isEmpty();
    }
}
