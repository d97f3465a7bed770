package org.quizdesk.lti;

import jakarta.servlet.http.HttpServletResponse;
import org.quizdesk.system.WebErrors;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The LTI feature's errors mapped to statuses in one place: a refused login or launch answers with a page naming the
 * failed check, in its status; a platform registration or passback row that is not there, 404. Never a stack trace.
 */
@ControllerAdvice(basePackageClasses = LtiErrors.class)
class LtiErrors {

    static final String REFUSED_PAGE = "lti-refused";

    @ExceptionHandler(LaunchRefused.class)
    String refused(LaunchRefused refused, HttpServletResponse response, Model model) {
        response.setStatus(refused.reason().status().value());
        model.addAttribute("reason", refused.reason());
        return REFUSED_PAGE;
    }

    @ExceptionHandler({PlatformNotFound.class, PassbackController.PassbackNotFound.class})
    ModelAndView notFound(RuntimeException notFound) {
        return WebErrors.page(HttpStatus.NOT_FOUND, notFound.getMessage());
    }
}
