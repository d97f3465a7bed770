package org.quizdesk.lti;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refused login or launch answers with a page naming the failed check, in its status; never a stack trace. */
@ControllerAdvice(basePackageClasses = LtiErrors.class)
class LtiErrors {

    static final String REFUSED_PAGE = "lti-refused";

    @ExceptionHandler(LaunchRefused.class)
    String refused(LaunchRefused refused, HttpServletResponse response, Model model) {
        response.setStatus(refused.reason().status().value());
        model.addAttribute("reason", refused.reason());
        return REFUSED_PAGE;
    }
}
