package org.quizdesk.attempt;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The honor-code form. The signature's bounds are checked here, before the database (its column holds 200). The
 * messages are keys in messages.properties, so the page shows them in the student's language.
 *
 * @param signature the student's full name as typed
 * @param agree the "I agree" box
 * @param accessCode the code the proctor shows, when the quiz asks for one
 */
public record HonorCodeForm(
        @NotBlank(message = "{attempt.refused.signature}")
        @Size(min = HonorCodeForm.MIN_SIGNATURE, max = HonorCodeForm.MAX_SIGNATURE, message = "{start.signature.size}")
        String signature,
        @AssertTrue(message = "{start.agree.missing}")
        boolean agree,
        @Size(max = 40, message = "{attempt.refused.accessCode}")
        String accessCode) {

    public static final int MIN_SIGNATURE = 2;
    public static final int MAX_SIGNATURE = 120;
}
