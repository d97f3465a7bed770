package org.quizdesk.lti;

import jakarta.validation.constraints.NotBlank;

/** Remove on {@code /admin/lti}'s launch links: the platform user to forget, and the account whose links were shown. */
record UnlinkForm(@NotBlank String issuer, @NotBlank String subject, String account) {
}
