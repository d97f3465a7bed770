package org.quizdesk.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The set-your-password form. The code comes in the posted body, never in the URL, so it stays out of access logs,
 * browser history and Referer headers.
 */
record PasswordSetupForm(
        @NotBlank(message = "Enter the one-time code course staff gave you.") @Size(max = 64, message = "This code is not valid.") String code,
        @Size(max = 200, message = "Choose a password of at most 200 characters.") String password,
        String repeated) {
}
