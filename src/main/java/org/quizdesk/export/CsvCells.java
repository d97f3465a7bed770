package org.quizdesk.export;

import java.math.BigDecimal;
import java.time.Instant;

/** How values are written into cells that spreadsheets open: no formulas, plain numbers, ISO times in UTC. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * Text that a spreadsheet would take for a formula (it starts with =, +, -, @, a tab or a carriage return) gets a
     * leading apostrophe, as OWASP ASVS 1.2.10 asks; the apostrophe is shown, never evaluated.
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    public static String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    public static String time(Instant value) {
        return value == null ? "" : value.toString();
    }
}
