package org.quizdesk.lti;

import jakarta.validation.constraints.NotBlank;

/** The quiz an instructor picked to link into the course. */
record DeepLinkChoice(@NotBlank(message = "{admin.lti.deepLink.choose}") String quiz) {
}
