package org.quizdesk.lti;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.BindParam;

/** The platform's third-party login initiation, by GET or form POST, with the parameter names of LTI 1.3 Core. */
record LoginInitiation(
        @NotBlank @Size(max = 500) String iss,
        @BindParam("login_hint") @NotBlank @Size(max = 2000) String loginHint,
        @BindParam("target_link_uri") @NotBlank @Size(max = 2000) String targetLinkUri,
        @BindParam("lti_message_hint") @Size(max = 4000) String messageHint,
        @BindParam("client_id") @Size(max = 255) String clientId,
        @BindParam("lti_deployment_id") @Size(max = 255) String deploymentId) {

    Launches.LoginRequest request() {
        return new Launches.LoginRequest(iss, loginHint, targetLinkUri, messageHint, clientId, deploymentId);
    }
}
