package org.quizdesk.admin;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Reads the settings forms' text fields, each with a message that names the field when it is wrong. */
final class QuizSettingsForm {

    private QuizSettingsForm() {
    }

    /** A datetime-local value in the course's zone, or null when blank. */
    static Instant time(String field, String value, ZoneId zone) {
        LocalDateTime local = localTime(field, value);
        return local == null ? null : local.atZone(zone).toInstant();
    }

    /** A datetime-local value, or null when blank. */
    static LocalDateTime localTime(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(field + ": \u201c" + value + "\u201d is not a date and time.");
        }
    }

    /** The value shown in a datetime-local field. */
    static String local(Instant value, ZoneId zone) {
        return value == null ? "" : LocalDateTime.ofInstant(value, zone).toString();
    }

    static Integer wholeNumber(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ".");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": \u201c" + value + "\u201d is not a whole number.");
        }
    }

    static BigDecimal factor(String value) {
        if (value == null || value.isBlank()) {
            return BigDecimal.ONE;
        }
        try {
            BigDecimal factor = new BigDecimal(value.strip().replace("\u00d7", "").replace("x", ""));
            if (factor.compareTo(BigDecimal.ONE) < 0 || factor.compareTo(BigDecimal.TEN) > 0) {
                throw new IllegalArgumentException("The time factor must be between 1 and 10 (1.5 for time and a half).");
            }
            return factor;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Time factor: \u201c" + value + "\u201d is not a number such as 1.5.");
        }
    }
}
