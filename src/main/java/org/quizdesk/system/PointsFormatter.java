package org.quizdesk.system;

import java.math.BigDecimal;
import java.util.Locale;
import org.quizdesk.quiz.Points;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.Formatter;
import org.springframework.stereotype.Component;

/**
 * Points on pages, in the page's language: templates write {@code ${{q.points()}}} (4, 2.5) and
 * {@code ${@pointsFormatter.score(r.score())}} for a score line (7.00). Registered for every {@code BigDecimal}
 * because Thymeleaf's {@code ${{…}}} converts by the value's class alone (no annotation reaches it) and the
 * decimals our pages show are points; the statistics' ratios (facility, rates) are written with {@code ${…}}
 * and so are machine values such as {@code data-points}.
 */
@Component
public class PointsFormatter implements Formatter<BigDecimal> {

    @Override
    public String print(BigDecimal points, Locale locale) {
        return Points.format(points, locale);
    }

    /**
     * Reads a number as Spring's default conversion does ({@code 1.5}, whatever the page's language): the
     * grading forms and admin.js send it so.
     */
    @Override
    public BigDecimal parse(String text, Locale locale) {
        return new BigDecimal(text.strip());
    }

    /** A score with two decimals, in the language of the request being answered; blank for no score. */
    public String score(BigDecimal score) {
        return score == null ? "" : Points.formatScore(score, LocaleContextHolder.getLocale());
    }
}
