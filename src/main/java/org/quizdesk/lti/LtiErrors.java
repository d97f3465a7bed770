package org.quizdesk.lti;

import jakarta.servlet.http.HttpServletResponse;
import org.quizdesk.system.WebErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(LtiErrors.class);

    /** Logged here, once for every check: a launch into another user's account at WARN, as it may be an impersonation. */
    @ExceptionHandler(LaunchRefused.class)
    String refused(LaunchRefused refused, HttpServletResponse response, Model model) {
        if (refused.reason() == LaunchRefused.Reason.ANOTHER_USERS_ACCOUNT) {
            log.warn("LTI launch refused: {}", refused.getMessage());
        } else {
            log.info("LTI launch refused: {}", refused.getMessage());
        }
        response.setStatus(refused.reason().status().value());
        model.addAttribute("reason", refused.reason());
        return REFUSED_PAGE;
    }

    @ExceptionHandler({PlatformNotFound.class, PassbackController.PassbackNotFound.class})
    ModelAndView notFound(RuntimeException notFound) {
        return WebErrors.page(HttpStatus.NOT_FOUND, notFound.getMessage());
    }
}
