package org.quizdesk.lti;

import java.util.List;
import java.util.Map;

/**
 * A launch whose id token passed every check: who (the platform's {@code sub} and the claims about them), from which
 * platform and deployment, as what, and to what.
 *
 * @param claims every claim of the id token
 * @param roles the LTI roles (full URIs or the short names some platforms send)
 * @param deepLinkReturnUrl where a deep-linking response goes; null for a resource-link launch
 * @param deepLinkData the platform's opaque {@code data}, returned unchanged; may be null
 */
public record Launch(Platform platform, String deploymentId, String messageType, String subject, Map<String, Object> claims,
        List<String> roles, String targetLinkUri, Map<String, Object> custom, String deepLinkReturnUrl, String deepLinkData) {

    public boolean deepLinking() {
        return LtiClaims.DEEP_LINKING_REQUEST.equals(messageType);
    }
}
