package org.quizdesk.lti;

import java.io.Serializable;

/** A deep-linking launch waiting for the instructor's choice of quiz; kept in the session (hence serializable). */
record DeepLinkRequest(long platformId, String deploymentId, String returnUrl, String data) implements Serializable {

    static final String SESSION_ATTRIBUTE = DeepLinkRequest.class.getName();
}
