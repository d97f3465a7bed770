package org.quizdesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void neutralisesEveryFormulaStart() {
        assertThat(CsvCells.text("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(CsvCells.text("+1")).isEqualTo("'+1");
        assertThat(CsvCells.text("-2")).isEqualTo("'-2");
        assertThat(CsvCells.text("@cmd")).isEqualTo("'@cmd");
        assertThat(CsvCells.text("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.text("\rx")).isEqualTo("'\rx");
        assertThat(CsvCells.text("Ann = Bee")).isEqualTo("Ann = Bee");
        assertThat(CsvCells.text(null)).isEmpty();
    }

    @Test
    void writesPlainNumbers() {
        assertThat(CsvCells.number(new BigDecimal("18.00"))).isEqualTo("18");
        assertThat(CsvCells.number(new BigDecimal("1.50"))).isEqualTo("1.5");
        assertThat(CsvCells.number(new BigDecimal("1E+1"))).isEqualTo("10");
        assertThat(CsvCells.number(null)).isEmpty();
    }
}
