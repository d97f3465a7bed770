package org.quizdesk.lti;

import java.util.List;

/**
 * A registered LTI platform (an LMS), as an instructor entered it on {@code /admin/lti}.
 *
 * @param trustsCustomNetId whether a launch's custom parameter named as the net id claim may find a student's account:
 *        the platform's administrator set it for the whole tool, where a link's author cannot write over it
 */
public record Platform(long id, String issuer, String clientId, List<String> deploymentIds, String oidcLoginUrl,
        String tokenUrl, String keySetUrl, boolean trustsCustomNetId) {

    public Platform {
        deploymentIds = List.copyOf(deploymentIds);
    }
}
