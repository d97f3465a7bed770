package org.quizdesk.lti;

/** No platform registration with this id (deleted meanwhile, or a made-up address): 404 by {@link LtiErrors}. */
class PlatformNotFound extends RuntimeException {

    PlatformNotFound(long id) {
        super("There is no LTI platform registration " + id + ".");
    }
}
