package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.converter.Converter;

/** Request values name enum constants in any case; blank is no value; anything else is a binding error. */
class LenientEnumsTest {

    private final Converter<String, DayOfWeek> days = new LenientEnums().getConverter(DayOfWeek.class);

    @Test
    void anyCaseNamesTheConstantAndBlankIsNone() {
        assertThat(days.convert("monday")).isEqualTo(DayOfWeek.MONDAY);
        assertThat(days.convert(" Friday ")).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(days.convert("  ")).isNull();
    }

    @Test
    void anUnknownValueIsRefused() {
        assertThatThrownBy(() -> days.convert("funday")).isInstanceOf(IllegalArgumentException.class);
    }
}
