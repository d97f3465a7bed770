package org.quizdesk.admin;

import java.math.BigDecimal;
import java.util.function.Supplier;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Runs the staff forms' own checks under {@code @Valid}, next to their Bean Validation constraints (as petclinic's
 * {@code PetValidator} does): fields that people type as text (a date and time, a whole number, a factor) are read
 * with a message that names the field, and the first message is what the page shows.
 */
final class FormFields implements Validator {

    /** A form that reads its text fields itself; each reader throws IllegalArgumentException with the message. */
    interface Checked {

        void check(Errors errors);
    }

    static final FormFields CHECK = new FormFields();

    private FormFields() {
    }

    @Override
    public boolean supports(Class<?> type) {
        return Checked.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object form, Errors errors) {
        ((Checked) form).check(errors);
    }

    /** Reads one field; a refusal becomes that field's error instead of an exception. */
    static void read(Errors errors, String field, Supplier<?> reader) {
        try {
            reader.get();
        } catch (IllegalArgumentException refused) {
            errors.rejectValue(field, "unreadable", refused.getMessage());
        }
    }

    /** The message of the first error, for the flash the page shows. */
    static String firstMessage(Errors errors) {
        return errors.getAllErrors().get(0).getDefaultMessage();
    }

    static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\u201c" + text + "\u201d is not a number.");
        }
    }
}
