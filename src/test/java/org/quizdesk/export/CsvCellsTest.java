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
    void neutralisesFormulasBehindWhitespaceControlCharactersAndLookAlikeSigns() {
        assertThat(CsvCells.text(" =SUM(A1)")).isEqualTo("' =SUM(A1)");
        assertThat(CsvCells.text("\n=SUM(A1)")).isEqualTo("'\n=SUM(A1)");
        assertThat(CsvCells.text("\u00a0=1+1")).isEqualTo("'\u00a0=1+1");
        assertThat(CsvCells.text("\u0000=1")).isEqualTo("'\u0000=1");
        assertThat(CsvCells.text("\u200b=1")).as("zero-width space").isEqualTo("'\u200b=1");
        assertThat(CsvCells.text("\uff1dHYPERLINK(\"http://x\")")).isEqualTo("'\uff1dHYPERLINK(\"http://x\")");
        assertThat(CsvCells.text("\uff0b1")).isEqualTo("'\uff0b1");
        assertThat(CsvCells.text("\uff0d1")).isEqualTo("'\uff0d1");
        assertThat(CsvCells.text("\uff20cmd")).isEqualTo("'\uff20cmd");
        assertThat(CsvCells.text("\ufe66cmd")).isEqualTo("'\ufe66cmd");
        assertThat(CsvCells.text("Ann \uff1d Bee")).isEqualTo("Ann \uff1d Bee");
    }

    @Test
    void writesPlainNumbers() {
        assertThat(CsvCells.number(new BigDecimal("18.00"))).isEqualTo("18");
        assertThat(CsvCells.number(new BigDecimal("1.50"))).isEqualTo("1.5");
        assertThat(CsvCells.number(new BigDecimal("1E+1"))).isEqualTo("10");
        assertThat(CsvCells.number(null)).isEmpty();
    }
}
