package org.quizdesk.lti;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No platform registration with this id (deleted meanwhile, or a made-up address): 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class PlatformNotFound extends RuntimeException {

    PlatformNotFound(long id) {
        super("no LTI platform registration " + id);
    }
}
