package org.quizdesk.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.quizdesk.quiz.QuizNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors every feature shares, answered in one shape: JSON {@code {"error", "message"}} under {@code /api/}, the calm
 * error page elsewhere. A feature's own refusals keep their status mapping next to them (attempt's
 * {@code AttemptErrors}, admin's {@code AccountErrors}), which answer through {@link #answer} too: this package
 * cannot know their exception types without a cycle.
 */
@ControllerAdvice
public class WebErrors {

    @ExceptionHandler(QuizNotFound.class)
    Object quizNotFound(QuizNotFound notFound, HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, "not_found", notFound.getMessage());
    }

    /** The error as JSON for the API, else the error page; {@code error} is the JSON's machine-readable name. */
    public static Object answer(HttpServletRequest request, HttpStatus status, String error, String message) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", error, "message", message));
        }
        return page(status, message);
    }

    /** The error page with the status, its reason phrase and a message people can act on. */
    public static ModelAndView page(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("error", Map.of("status", status.value(), "error", status.getReasonPhrase(),
                "message", message));
        page.setStatus(status);
        return page;
    }
}
