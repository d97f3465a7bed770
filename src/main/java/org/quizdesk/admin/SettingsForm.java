package org.quizdesk.admin;

import java.time.Instant;
import java.time.ZoneId;
import org.springframework.validation.Errors;

/**
 * A quiz's settings as the page sends them: the window as datetime-local text in the course's zone, the time
 * limit (minutes) and grace period (seconds) as typed; blank means the quiz file's value.
 */
record SettingsForm(Boolean published, String opens, String closes, String timeLimitMinutes, String graceSeconds)
        implements FormFields.Checked {

    SettingsForm {
        published = published != null && published;
        opens = opens == null ? "" : opens;
        closes = closes == null ? "" : closes;
        timeLimitMinutes = timeLimitMinutes == null ? "" : timeLimitMinutes;
        graceSeconds = graceSeconds == null ? "" : graceSeconds;
    }

    @Override
    public void check(Errors errors) {
        FormFields.read(errors, "opens", () -> QuizSettingsForm.localTime("Opens", opens));
        FormFields.read(errors, "closes", () -> QuizSettingsForm.localTime("Closes", closes));
        FormFields.read(errors, "timeLimitMinutes", this::timeLimit);
        FormFields.read(errors, "graceSeconds", this::grace);
    }

    Instant opensAt(ZoneId zone) {
        return QuizSettingsForm.time("Opens", opens, zone);
    }

    Instant closesAt(ZoneId zone) {
        return QuizSettingsForm.time("Closes", closes, zone);
    }

    Integer timeLimit() {
        return QuizSettingsForm.wholeNumber("Time limit", timeLimitMinutes, 1, 24 * 60);
    }

    Integer grace() {
        return QuizSettingsForm.wholeNumber("Grace period", graceSeconds, 0, 3600);
    }
}
