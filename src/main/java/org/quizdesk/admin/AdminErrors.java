package org.quizdesk.admin;

import org.quizdesk.attempt.ProctorActionRefused;
import org.quizdesk.system.WebErrors;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The staff pages' errors mapped to statuses in one place: a form that fails its checks is a 400 page that says which
 * limit it broke, never a database error; a refused proctor action 409; a grading address for a question not graded
 * by hand 404.
 */
@ControllerAdvice(basePackageClasses = AdminErrors.class)
class AdminErrors {

    @ExceptionHandler(BindException.class)
    ModelAndView invalidForm(BindException invalid) {
        String message = invalid.getAllErrors().isEmpty() ? "The form is not valid."
                : invalid.getAllErrors().get(0).getDefaultMessage();
        return WebErrors.page(HttpStatus.BAD_REQUEST, message);
    }

    /** A proctor action that cannot be done as asked (extend a submitted attempt): 409, saying why. */
    @ExceptionHandler(ProctorActionRefused.class)
    ModelAndView proctorActionRefused(ProctorActionRefused refused) {
        return WebErrors.page(HttpStatus.CONFLICT, refused.getMessage());
    }

    /** A grading address for a question that is not graded by hand: 404, saying so. */
    @ExceptionHandler(GradingController.NotHandGraded.class)
    ModelAndView notHandGraded(GradingController.NotHandGraded notFound) {
        return WebErrors.page(HttpStatus.NOT_FOUND, notFound.getMessage());
    }
}
