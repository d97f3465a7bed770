package org.quizdesk.attempt;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The honor-code form. The signature's bounds are checked here, before the database (its column holds 200).
 *
 * @param signature the student's full name as typed
 * @param agree the "I agree" box
 */
public record HonorCodeForm(
        @NotBlank(message = "Type your full name to sign the honor code.")
        @Size(min = HonorCodeForm.MIN_SIGNATURE, max = HonorCodeForm.MAX_SIGNATURE,
                message = "Your signature must be between {min} and {max} characters: type your full name.")
        String signature,
        @AssertTrue(message = "Tick the box to agree to the honor code before you start.")
        boolean agree) {

    public static final int MIN_SIGNATURE = 2;
    public static final int MAX_SIGNATURE = 120;
}
