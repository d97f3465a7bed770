package org.quizdesk.interchange;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * What an import refuses in a file that is otherwise readable: numbers beyond what a quiz means, and more questions
 * than a quiz holds. A huge exponent ({@code 1e20000000}) costs nothing to parse, but writing it out or rescaling it
 * builds the power of ten digit by digit: minutes of work, or an ArithmeticException, from a 30-byte file.
 */
final class ImportLimits {

    /** Far more than any exam; a package that references items over and over stops here. */
    static final int MAX_QUESTIONS = 1_000;
    /** Significant digits of an imported number: more than any measurement or weight is written with. */
    static final int MAX_DIGITS = 30;
    /** Digits before or after the point: 1e-100 to 1e100 holds every physical constant, and rescales at once. */
    static final int MAX_PLACES = 100;
    /**
     * Longer than any number within the limits ("-0." and 100 places): longer ones are refused unparsed, as BigDecimal
     * reads a long run of digits in quadratic time.
     */
    private static final int MAX_NUMBER_CHARS = MAX_PLACES + 10;
    private static final Pattern NUMBER_LIKE = Pattern.compile("[+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?");

    private ImportLimits() {
    }

    /**
     * A limit met deep inside a reader; the reader turns it into an {@link ImportException} at the question's place.
     */
    static final class Exceeded extends RuntimeException {

        Exceeded(String message) {
            super(message);
        }

        ImportException at(String fileName, String where) {
            return new ImportException(fileName, where, getMessage());
        }
    }

    /**
     * A number as the imported formats write it ("2", "-0.5", "1.5e3"), or null when the text is not one.
     *
     * @throws Exceeded when it is a number out of range
     */
    static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String number = text.strip();
        if (number.length() > MAX_NUMBER_CHARS) {
            if (NUMBER_LIKE.matcher(number).matches()) {
                throw outOfRange(number);
            }
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(number);
        } catch (NumberFormatException e) {
            return null;
        }
        long digitsBeforePoint = (long) value.precision() - value.scale();
        if (value.precision() > MAX_DIGITS || value.scale() > MAX_PLACES || digitsBeforePoint > MAX_PLACES) {
            throw outOfRange(number);
        }
        return value;
    }

    private static Exceeded outOfRange(String number) {
        String shown = number.length() <= 24 ? number : number.substring(0, 20) + "…";
        return new Exceeded("the number \"" + shown + "\" is out of range: an imported number has at most " + MAX_DIGITS
                + " significant digits and lies between 1e-" + MAX_PLACES + " and 1e" + MAX_PLACES);
    }
}
