package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Points are written one way: the digits needed on pages, CSV and reasons; two decimals on score lines. */
class PointsTest {

    @Test
    void pointsKeepOnlyTheDigitsTheyNeedAndNeverAnExponent() {
        assertThat(Points.format(new BigDecimal("4.00"), Locale.ROOT)).isEqualTo("4");
        assertThat(Points.format(new BigDecimal("2.50"), Locale.ROOT)).isEqualTo("2.5");
        assertThat(Points.format(new BigDecimal("1.333"), Locale.ROOT)).isEqualTo("1.333");
        assertThat(Points.format(new BigDecimal("1E+1"), Locale.ROOT)).isEqualTo("10");
        assertThat(Points.format(new BigDecimal("0.00"), Locale.ROOT)).isEqualTo("0");
        assertThat(Points.format(new BigDecimal("-1.50"), Locale.ROOT)).isEqualTo("-1.5");
    }

    @Test
    void pointsUseTheLocalesDecimalSeparatorWithoutGrouping() {
        assertThat(Points.format(new BigDecimal("2.50"), Locale.GERMAN)).isEqualTo("2,5");
        assertThat(Points.format(new BigDecimal("1234.5"), Locale.ENGLISH)).isEqualTo("1234.5");
        assertThat(Points.formatScore(new BigDecimal("7"), Locale.GERMAN)).isEqualTo("7,00");
    }

    @Test
    void scoresShowTwoDecimalsRoundedHalfEven() {
        assertThat(Points.formatScore(new BigDecimal("7"), Locale.ENGLISH)).isEqualTo("7.00");
        assertThat(Points.formatScore(new BigDecimal("1.5"), Locale.ENGLISH)).isEqualTo("1.50");
        assertThat(Points.formatScore(new BigDecimal("0.125"), Locale.ENGLISH)).isEqualTo("0.12");
    }

    @Test
    void reasonsAreWrittenInEnglishWithATypesetMinus() {
        assertThat(Points.inText(new BigDecimal("-2.00"))).isEqualTo("\u22122");
        assertThat(Points.signedInText(new BigDecimal("0.50"))).isEqualTo("+0.5");
        assertThat(Points.signedInText(new BigDecimal("-1"))).isEqualTo("\u22121");
    }
}
