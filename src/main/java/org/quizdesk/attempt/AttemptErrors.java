package org.quizdesk.attempt;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.quizdesk.system.WebErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Maps a refused attempt request to its HTTP status: JSON for the API, a calm error page for pages; the message in
 * the student's language (the refusal names its key in the message bundle).
 */
@ControllerAdvice(basePackageClasses = AttemptErrors.class)
class AttemptErrors {

    private final MessageSource messages;

    AttemptErrors(MessageSource messages) {
        this.messages = messages;
    }

    static HttpStatus status(AttemptRefused.Why why) {
        switch (why) {
            case NOT_FOUND: return HttpStatus.NOT_FOUND;
            case NOT_OPEN:
            case PAUSED:
            case WRONG_ACCESS_CODE:
            case OUTSIDE_NETWORK:
            case NOT_SAFE_EXAM_BROWSER: return HttpStatus.FORBIDDEN;
            case ALREADY_SUBMITTED:
            case TIME_UP: return HttpStatus.CONFLICT;
            case TOO_LARGE: return HttpStatus.CONTENT_TOO_LARGE;
            case TOO_FAST:
            case ACCESS_CODE_TRIES: return HttpStatus.TOO_MANY_REQUESTS;
            case BUSY: return HttpStatus.SERVICE_UNAVAILABLE;
            default: return HttpStatus.BAD_REQUEST;
        }
    }

    @ExceptionHandler(AttemptRefused.class)
    Object refused(AttemptRefused refused, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        HttpStatus status = status(refused.why());
        String message = messages.getMessage(refused, locale);
        if (refused.retryAfter() != null) {
            // whole seconds, rounded up, at least one
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (refused.retryAfter().toMillis() + 999) / 1000)));
        }
        return WebErrors.answer(request, status, refused.why().name().toLowerCase(), message);
    }
}
