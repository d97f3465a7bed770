package org.quizdesk.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quizdesk.quiz.AcceptedAnswer;

/** Whether a typed answer matches one accepted answer of a short-answer question. */
final class ShortAnswerMatcher {

    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");

    /** Between dimensions: x, ×, *, "by", a comma, or LaTeX's \times, with any spacing. */
    private static final Pattern DIMENSION_SEPARATOR =
            Pattern.compile("(?U)\\s*(?:x|\u00d7|\\*|by|,|\\\\times)\\s*", Pattern.CASE_INSENSITIVE);

    private static final Pattern DIMENSION = Pattern.compile("\\d{1,9}");

    /** A decimal as people type it: 0.25, .25, 2.5e-1, -3; the exponent is bounded to keep BigDecimal small. */
    private static final String DECIMAL = "[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d{1,3})?";

    private static final Pattern NUMBER = Pattern.compile("(" + DECIMAL + ")(?:\\s*/\\s*(" + DECIMAL + "))?");

    /** Long enough for any real number or shape; longer input is not parsed at all. */
    private static final int MAX_PARSED_LENGTH = 200;

    private ShortAnswerMatcher() {
    }

    static boolean matches(AcceptedAnswer accepted, String answer) {
        if (accepted instanceof AcceptedAnswer.Shape shape) {
            return parseShape(answer).map(shape.dimensions()::equals).orElse(false);
        }
        if (accepted instanceof AcceptedAnswer.Number number) {
            return parseFraction(answer).map(f -> f.within(number)).orElse(false);
        }
        if (accepted instanceof AcceptedAnswer.Text text) {
            return normalizeText(text.text()).equals(normalizeText(answer));
        }
        if (accepted instanceof AcceptedAnswer.Regex regex) {
            return regex.pattern().matcher(answer.strip()).matches();
        }
        throw new IllegalArgumentException("unknown accepted answer " + accepted);
    }

    /** Trim, collapse every run of (Unicode) whitespace to one space, fold case. */
    static String normalizeText(String text) {
        String collapsed = WHITESPACE.matcher(text).replaceAll(" ").strip();
        // Upper then lower folds more than lower alone (e.g. "ß" and "SS" meet at "ss").
        return collapsed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** "4 x 4 x 5", "(4, 4, 5)", "[4,4,5]", "4 by 4 by 5" ... as [4, 4, 5]; empty when it is not a shape. */
    static Optional<List<Integer>> parseShape(String answer) {
        String text = answer.strip();
        if (text.length() > MAX_PARSED_LENGTH) {
            return Optional.empty();
        }
        if (text.length() >= 2 && (enclosed(text, '(', ')') || enclosed(text, '[', ']'))) {
            text = text.substring(1, text.length() - 1).strip();
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> dimensions = new ArrayList<>();
        for (String part : DIMENSION_SEPARATOR.split(text, -1)) {
            if (!DIMENSION.matcher(part).matches()) {
                return Optional.empty();
            }
            dimensions.add(Integer.valueOf(part));
        }
        return Optional.of(dimensions);
    }

    private static boolean enclosed(String text, char open, char close) {
        return text.charAt(0) == open && text.charAt(text.length() - 1) == close;
    }

    /** "0.25", ".25", "2.5e-1", "1/4" as an exact fraction; empty when it is not a number. */
    static Optional<Fraction> parseFraction(String answer) {
        String text = answer.strip().replace('\u2212', '-');
        if (text.length() > MAX_PARSED_LENGTH) {
            return Optional.empty();
        }
        Matcher matcher = NUMBER.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        BigDecimal numerator = new BigDecimal(matcher.group(1));
        BigDecimal denominator = matcher.group(2) == null ? BigDecimal.ONE : new BigDecimal(matcher.group(2));
        if (denominator.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Fraction(numerator, denominator));
    }

    /** numerator / denominator, kept apart so that 1/3 is compared exactly, never rounded. */
    record Fraction(BigDecimal numerator, BigDecimal denominator) {

        /** |n/d − v| ≤ t, evaluated as |n − v·d| ≤ t·|d| to avoid dividing. */
        boolean within(AcceptedAnswer.Number accepted) {
            BigDecimal tolerance = accepted.tolerance() == null ? BigDecimal.ZERO : accepted.tolerance().abs();
            if (accepted.relative()) {
                tolerance = tolerance.multiply(accepted.value().abs());
            }
            BigDecimal difference = numerator.subtract(accepted.value().multiply(denominator)).abs();
            return difference.compareTo(tolerance.multiply(denominator.abs())) <= 0;
        }
    }
}
