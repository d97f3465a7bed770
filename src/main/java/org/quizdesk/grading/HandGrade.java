package org.quizdesk.grading;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A grader's decision on a hand-graded answer.
 *
 * @param rubricItemIds the applied rubric items, by {@link org.quizdesk.quiz.RubricItem#id()}
 * @param adjustment a free adjustment added after the rubric items (zero when null)
 * @param comment why the adjustment was made, or null
 */
public record HandGrade(Set<String> rubricItemIds, BigDecimal adjustment, String comment) {

    public HandGrade {
        rubricItemIds = rubricItemIds == null ? Set.of() : Set.copyOf(rubricItemIds);
        adjustment = adjustment == null ? BigDecimal.ZERO : adjustment;
    }
}
