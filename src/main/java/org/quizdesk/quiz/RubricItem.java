package org.quizdesk.quiz;

import java.math.BigDecimal;

/**
 * A rubric item a grader applies to a hand-graded answer.
 *
 * @param id stable within its question, so a grade survives edits of the text
 * @param points what the item adds (positive) or deducts (negative)
 */
public record RubricItem(String id, BigDecimal points, String text) {
}
