package org.quizdesk.lti;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The platform's form post to {@code /lti/launch}: the id token and the state, or an OIDC error instead (for example
 * {@code login_required} when the platform's session is gone).
 */
record LaunchForm(@BindParam("id_token") String idToken, String state, String error,
        @BindParam("error_description") String errorDescription) {
}
