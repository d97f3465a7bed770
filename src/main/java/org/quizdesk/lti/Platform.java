package org.quizdesk.lti;

import java.util.List;

/** A registered LTI platform (an LMS), as an instructor entered it on {@code /admin/lti}. */
public record Platform(long id, String issuer, String clientId, List<String> deploymentIds, String oidcLoginUrl,
        String tokenUrl, String keySetUrl) {

    public Platform {
        deploymentIds = List.copyOf(deploymentIds);
    }
}
