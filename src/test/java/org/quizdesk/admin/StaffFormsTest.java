package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/** The staff forms read what people type, and name the first field they cannot read, in the page's order. */
class StaffFormsTest {

    private static Errors checked(FormFields.Checked form) {
        Errors errors = new MapBindingResult(new HashMap<>(), "form");
        FormFields.CHECK.validate(form, errors);
        return errors;
    }

    @Test
    void settingsNameTheFirstFieldThatIsNotReadable() {
        Errors errors = checked(new SettingsForm(true, "soon", "", "abc", "9999"));
        assertThat(errors.getErrorCount()).isEqualTo(3);
        assertThat(FormFields.firstMessage(errors)).isEqualTo("Opens: \u201csoon\u201d is not a date and time.");
        assertThat(errors.getFieldError("timeLimitMinutes").getDefaultMessage())
                .isEqualTo("Time limit: \u201cabc\u201d is not a whole number.");
        assertThat(errors.getFieldError("graceSeconds").getDefaultMessage()).isEqualTo("Grace period must be between 0 and 3600.");
    }

    @Test
    void blankSettingsMeanTheQuizFilesValues() {
        SettingsForm form = new SettingsForm(null, null, "", " ", null);
        assertThat(checked(form).hasErrors()).isFalse();
        assertThat(form.published()).isFalse();
        assertThat(form.opensAt(ZoneId.of("UTC"))).isNull();
        assertThat(form.timeLimit()).isNull();
    }

    @Test
    void anAccommodationTakesAFactorAsWrittenAndChecksItsRange() {
        AccommodationForm form = new AccommodationForm("s1", "1.5\u00d7", "", "2026-01-10T09:30", null);
        assertThat(checked(form).hasErrors()).isFalse();
        assertThat(form.timeFactor()).isEqualByComparingTo("1.5");
        assertThat(form.minutes()).isZero();
        assertThat(form.opensAt(ZoneId.of("UTC"))).hasToString("2026-01-10T09:30:00Z");

        assertThat(FormFields.firstMessage(checked(new AccommodationForm("s1", "0.5", "x", "", ""))))
                .isEqualTo("Extra minutes: \u201cx\u201d is not a whole number.");
        assertThat(FormFields.firstMessage(checked(new AccommodationForm("s1", "0.5", "", "", ""))))
                .isEqualTo("The time factor must be between 1 and 10 (1.5 for time and a half).");
    }

    @Test
    void rubricPointsAreANumberAndGoBackToTheQueuesByDefault() {
        RubricPointsForm form = new RubricPointsForm("-0.5", null);
        assertThat(checked(form).hasErrors()).isFalse();
        assertThat(form.value()).isEqualByComparingTo(new BigDecimal("-0.5"));
        assertThat(form.back()).isZero();
        assertThat(FormFields.firstMessage(checked(new RubricPointsForm("half", 3L)))).isEqualTo("\u201chalf\u201d is not a number.");
    }
}
