package org.quizdesk.attempt;

import jakarta.servlet.http.HttpServletRequest;
import org.quizdesk.system.WebErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** {@link AttemptNotFound} from any feature's controller (staff pages, downloads): 404, answered as every error is. */
@ControllerAdvice
class AttemptNotFoundErrors {

    @ExceptionHandler(AttemptNotFound.class)
    Object notFound(AttemptNotFound notFound, HttpServletRequest request) {
        return WebErrors.answer(request, HttpStatus.NOT_FOUND, "not_found", notFound.getMessage());
    }
}
