package org.quizdesk.attempt;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.quizdesk.system.WebErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Maps a refused attempt request to its HTTP status: JSON for the API, a calm error page for pages. */
@ControllerAdvice(basePackageClasses = AttemptErrors.class)
class AttemptErrors {

    static HttpStatus status(AttemptRefused.Why why) {
        switch (why) {
            case NOT_FOUND: return HttpStatus.NOT_FOUND;
            case NOT_OPEN: return HttpStatus.FORBIDDEN;
            case ALREADY_SUBMITTED:
            case TIME_UP: return HttpStatus.CONFLICT;
            case TOO_LARGE: return HttpStatus.CONTENT_TOO_LARGE;
            case TOO_FAST: return HttpStatus.TOO_MANY_REQUESTS;
            default: return HttpStatus.BAD_REQUEST;
        }
    }

    @ExceptionHandler(AttemptRefused.class)
    Object refused(AttemptRefused refused, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = status(refused.why());
        if (refused.retryAfter() != null) {
            // whole seconds, rounded up, at least one
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (refused.retryAfter().toMillis() + 999) / 1000)));
        }
        return WebErrors.answer(request, status, refused.why().name().toLowerCase(), refused.getMessage());
    }
}
