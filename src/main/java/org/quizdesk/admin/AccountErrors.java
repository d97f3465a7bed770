package org.quizdesk.admin;

import org.quizdesk.account.AccountActionRefused;
import org.quizdesk.system.WebErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Maps a refused account action to its HTTP status and the calm error page. */
@ControllerAdvice(assignableTypes = AccountsController.class)
class AccountErrors {

    static HttpStatus status(AccountActionRefused.Why why) {
        return switch (why) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case OWN_ACCOUNT -> HttpStatus.CONFLICT;
        };
    }

    @ExceptionHandler(AccountActionRefused.class)
    ModelAndView refused(AccountActionRefused refused) {
        return WebErrors.page(status(refused.why()), refused.getMessage());
    }
}
