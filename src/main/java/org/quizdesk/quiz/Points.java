package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How points are written for people, in one place: pages (through {@code system.PointsFormatter}), CSV files,
 * statistics, the reasons of a score and staff messages. No grouping of thousands: a quiz is worth far fewer points,
 * and CSV cells must stay plain numbers. Spring-free, and in {@code quiz} (where points are defined) so that
 * {@code grading}, which depends on {@code quiz}, and {@code quiz} itself can both use it.
 */
public final class Points {

    /** The minus sign of reasons, which students read as typeset text: −2. */
    public static final String MINUS = "\u2212";

    private static final Map<Locale, Signs> SIGNS = new ConcurrentHashMap<>();

    private Points() {
    }

    /**
     * Points as people write them, with the digits the value needs and no exponent: 4, 2.5, 1.33, 10; the locale's
     * decimal separator and minus sign. CSV files and stored texts use {@link Locale#ROOT}.
     */
    public static String format(BigDecimal value, Locale locale) {
        BigDecimal stripped = value.stripTrailingZeros();
        return written(stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped, locale);
    }

    /** A score as the score lines show it, always with two decimals (7.00, 1.50), rounded half-even. */
    public static String formatScore(BigDecimal value, Locale locale) {
        return written(value.setScale(2, RoundingMode.HALF_EVEN), locale);
    }

    /** Points in English text, such as the reasons of a score (which are stored) and staff messages: 4, 2.5, −2. */
    public static String inText(BigDecimal value) {
        String plain = format(value, Locale.ROOT);
        return plain.startsWith("-") ? MINUS + plain.substring(1) : plain;
    }

    /** A signed amount in English text: +1, −2, +0.5. */
    public static String signedInText(BigDecimal value) {
        return value.signum() < 0 ? inText(value) : "+" + inText(value);
    }

    private static String written(BigDecimal value, Locale locale) {
        Signs signs = SIGNS.computeIfAbsent(locale, Signs::of);
        String digits = value.abs().toPlainString().replace('.', signs.decimalSeparator());
        return value.signum() < 0 ? signs.minus() + digits : digits;
    }

    /**
     * A locale's decimal separator and minus sign, looked up once: {@code DecimalFormatSymbols.getInstance} builds a
     * new object per call, which was a third of a 10,000-line CSV export's time. (The locales are the few the pages
     * speak and {@link Locale#ROOT}.)
     */
    private record Signs(char decimalSeparator, char minus) {

        static Signs of(Locale locale) {
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
            return new Signs(symbols.getDecimalSeparator(), symbols.getMinusSign());
        }
    }
}
