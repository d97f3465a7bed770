package org.quizdesk.quiz;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as quiz files write them: {@code 30m}, {@code 1h30m}, {@code 90s}, {@code 1h 15m}. */
final class DurationText {

    private static final Pattern FORMAT =
            Pattern.compile("(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m)?\\s*(?:(\\d+)\\s*s)?", Pattern.CASE_INSENSITIVE);

    private DurationText() {
    }

    /** The duration, or null when the text is not one (or is zero). */
    static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (text.isBlank() || !m.matches()) {
            return null;
        }
        try {
            Duration d = Duration.ofHours(part(m, 1)).plusMinutes(part(m, 2)).plusSeconds(part(m, 3));
            return d.isZero() ? null : d;
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static long part(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }
}
