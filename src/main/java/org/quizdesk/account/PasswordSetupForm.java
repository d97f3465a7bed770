package org.quizdesk.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The set-your-password form. The code comes in the posted body, never in the URL, so it stays out of access logs,
 * browser history and Referer headers. The messages are keys in messages.properties.
 */
record PasswordSetupForm(
        @NotBlank(message = "{setup.code.missing}") @Size(max = 64, message = "{setup.code.invalid}") String code,
        @Size(max = 200, message = "{setup.password.tooLong}") String password,
        String repeated) {
}
