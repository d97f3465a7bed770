package org.quizdesk.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A grader's override of one question's score. The comment is shown to the student and kept in the audit, whose
 * column holds 2000 characters with the "override: " prefix, so it is bounded here, before the database.
 */
record OverrideForm(
        @NotBlank(message = "Say which question to override.") String questionId,
        String score,
        @Size(max = OverrideForm.MAX_COMMENT, message = "The comment must be at most {max} characters.") String comment) {

    static final int MAX_COMMENT = 1000;

    OverrideForm {
        score = score == null ? "" : score;
        comment = comment == null ? "" : comment;
    }
}
