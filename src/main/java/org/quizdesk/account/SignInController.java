package org.quizdesk.account;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInController {

    @GetMapping("/signin")
    String signIn(Authentication authentication, @RequestParam(name = "locked", required = false) String locked,
            @RequestParam(name = "minutes", required = false) String minutes, Model model) {
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        if (signedIn) {
            return "redirect:/";
        }
        if (locked != null) {
            // only known reasons and a sane number reach the page; anything else reads as the general message
            model.addAttribute("lockedReason", switch (locked.toLowerCase(Locale.ROOT)) {
                case "device", "network", "account" -> locked.toLowerCase(Locale.ROOT);
                default -> "";
            });
            model.addAttribute("lockedMinutes", minutes != null && minutes.matches("[1-9][0-9]{0,3}") ? Integer.valueOf(minutes) : null);
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
