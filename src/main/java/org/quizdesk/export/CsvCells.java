package org.quizdesk.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.quizdesk.quiz.Points;

/** How values are written into cells that spreadsheets open: no formulas, plain numbers, ISO times in UTC. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * Formula starters and their full-width and small look-alikes, which some spreadsheets fold to the ASCII sign
     * on import: = + - @ and ＝ ＋ － ＠ and ﹦ ﹢ ﹣ ﹫.
     */
    private static final String FORMULA_STARTS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B";

    /**
     * Text that a spreadsheet could take for a formula gets a leading apostrophe, as OWASP ASVS 1.2.10 asks; the
     * apostrophe is shown, never evaluated. That is text starting with a formula sign or a look-alike, and text
     * starting with whitespace or a control character (a tab, a line feed, a space), which spreadsheets may skip
     * before they look for the sign.
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int first = value.codePointAt(0);
        if (FORMULA_STARTS.indexOf(first) >= 0 || Character.isWhitespace(first) || Character.isSpaceChar(first)
                || Character.isISOControl(first) || Character.getType(first) == Character.FORMAT) {
            return "'" + value;
        }
        return value;
    }

    /** Points as plain numbers in English, whatever the language of the page that links the file. */
    public static String number(BigDecimal value) {
        return value == null ? "" : Points.format(value, Locale.ROOT);
    }

    public static String time(Instant value) {
        return value == null ? "" : value.toString();
    }
}
