package org.quizdesk.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.quizdesk.proctor.Announcement;

/** The forms of the proctor's actions; a form that fails its checks is answered 400 with its message (AdminErrors). */
final class ProctorForms {

    static final String MINUTES = "Minutes: type a whole number from 1 to 240.";
    static final String REASON = "Reason: say why (at most 500 characters); it is kept in the audit log.";

    private ProctorForms() {
    }

    /**
     * The page of the audit log shown with the quiz's actions ({@code ?log=N}, latest first); anything else shows the
     * first page, as a link that is out of date should.
     */
    record LogPageForm(@Min(0) @Max(100_000) Integer log) {

        int page() {
            return log == null ? 0 : log;
        }
    }

    /** Extend time (one student or everyone in progress): minutes and the reason, both required. */
    record ExtendForm(
            @NotBlank(message = MINUTES) @Pattern(regexp = "\\s*\\d{1,3}\\s*", message = MINUTES)
            String minutes,
            @NotBlank(message = REASON) @Size(max = 500, message = REASON)
            String reason) {

        int wholeMinutes() {
            return Integer.parseInt(minutes.strip());
        }

        /** The range, after the pattern: a number the pattern refused is not checked again. */
        @jakarta.validation.constraints.AssertTrue(message = MINUTES)
        boolean isInRange() {
            if (minutes == null || !minutes.strip().matches("\\d{1,3}")) {
                return true;
            }
            int value = wholeMinutes();
            return value >= 1 && value <= 240;
        }
    }

    /** Submit one attempt, or close the quiz now: the reason is required; closing asks to confirm first. */
    record ReasonForm(
            @NotBlank(message = REASON) @Size(max = 500, message = REASON)
            String reason,
            Boolean confirmed) {

        boolean confirmedNow() {
            return Boolean.TRUE.equals(confirmed);
        }
    }

    /** Pause or resume: a reason may be given. */
    record PauseForm(@Size(max = 500, message = REASON) String reason) {

        String reasonOrNull() {
            return reason == null || reason.isBlank() ? null : reason.strip();
        }
    }

    record AnnouncementForm(
            @NotBlank(message = "Announcement: type the text.")
            @Size(max = Announcement.MAX_LENGTH, message = "Announcement: at most 2,000 characters.")
            String text) {
    }
}
