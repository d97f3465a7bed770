package org.quizdesk.admin;

import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A hand grade from the queue: the rubric items applied, an adjustment and a comment (shown to the student,
 * stored in a column of 2000 characters and quoted in the audit), bounded here before the database.
 */
record GradeForm(
        Set<String> item,
        String adjustment,
        @Size(max = OverrideForm.MAX_COMMENT, message = "The comment must be at most {max} characters.") String comment) {

    GradeForm {
        item = item == null ? Set.of() : Set.copyOf(item);
        adjustment = adjustment == null ? "" : adjustment;
        comment = comment == null ? "" : comment;
    }
}
