package org.quizdesk.attempt.internal;

import java.math.BigDecimal;

/** A question's score alone, as result lists read it: no reasons to convert. {@code score} is null while pending. */
public record ScoreCell(long attemptId, String questionId, BigDecimal score) {
}
