package org.quizdesk.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The confirmation of an import: the quiz id, which is also the file's name ({@code <id>.yaml} in the quiz folder),
 * and whether an existing quiz of that id may be replaced (it gets a new version; attempts keep theirs).
 */
record ImportForm(
        @NotBlank(message = "Give the quiz a file name.")
        @Size(max = 60, message = "A file name has at most 60 characters.")
        @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "A file name is lowercase letters, digits and \"-\", "
                + "starting with a letter or digit (no folders, no dots): it becomes <name>.yaml in the quiz folder.")
        String quizId,
        Boolean replace) {

    ImportForm {
        quizId = quizId == null ? null : quizId.strip();
        replace = Boolean.TRUE.equals(replace); // an unticked box sends nothing
    }
}
