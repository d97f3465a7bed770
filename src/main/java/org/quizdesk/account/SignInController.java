package org.quizdesk.account;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
class SignInController {

    @GetMapping("/signin")
    String signIn(Authentication authentication, @Valid LockNotice notice, BindingResult unreadable, Model model) {
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        if (signedIn) {
            return "redirect:/";
        }
        if (notice.locked() != null || unreadable.hasFieldErrors("locked")) {
            // only known reasons and a sane number reach the page; anything else reads as the general message
            model.addAttribute("lockedReason", notice.reasonShown());
            model.addAttribute("lockedMinutes", unreadable.hasFieldErrors("minutes") ? null : notice.minutes());
        }
        return "signin";
    }

    /** Where a sign-in post is forwarded when every password-check slot is taken (see {@link SignInAnswers}). */
    @RequestMapping("/signin/busy")
    String busy(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        if (response.getHeader(HttpHeaders.RETRY_AFTER) == null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(PasswordChecks.RETRY_AFTER.toSeconds()));
        }
        model.addAttribute("busy", true);
        return "signin";
    }
}
