package org.quizdesk.admin;

import jakarta.validation.constraints.Size;

/**
 * The preview page's choices: a version seed (none: the file's order), the quiz version (none: the current one),
 * or a student whose own version to show (their attempt's version and seed; it wins over the other two).
 */
record PreviewForm(Long seed, Long version, @Size(max = 100) String student) {

    PreviewForm {
        student = student == null || student.isBlank() ? null : student.strip();
    }
}
