package org.quizdesk.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.validation.Errors;

/**
 * One student's accommodation as the page sends it: a time factor such as 1.5 (or "1.5×"), extra minutes, and a
 * personal window as datetime-local text in the course's zone; blank means none.
 */
record AccommodationForm(String netId, String factor, String extraMinutes, String opens, String closes)
        implements FormFields.Checked {

    AccommodationForm {
        netId = netId == null ? "" : netId;
        factor = factor == null ? "" : factor;
        extraMinutes = extraMinutes == null ? "" : extraMinutes;
        opens = opens == null ? "" : opens;
        closes = closes == null ? "" : closes;
    }

    @Override
    public void check(Errors errors) {
        FormFields.read(errors, "extraMinutes", this::minutes);
        FormFields.read(errors, "factor", this::timeFactor);
        FormFields.read(errors, "opens", () -> QuizSettingsForm.localTime("Personal window opens", opens));
        FormFields.read(errors, "closes", () -> QuizSettingsForm.localTime("Personal window closes", closes));
    }

    int minutes() {
        Integer minutes = QuizSettingsForm.wholeNumber("Extra minutes", extraMinutes, 0, 24 * 60);
        return minutes == null ? 0 : minutes;
    }

    BigDecimal timeFactor() {
        return QuizSettingsForm.factor(factor);
    }

    Instant opensAt(ZoneId zone) {
        return QuizSettingsForm.time("Personal window opens", opens, zone);
    }

    Instant closesAt(ZoneId zone) {
        return QuizSettingsForm.time("Personal window closes", closes, zone);
    }
}
