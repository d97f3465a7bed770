package org.quizdesk.account;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.SessionAttribute;

@Controller
class SignInController {

    private final IdentityProviders providers;
    private final SignInProperties properties;

    SignInController(IdentityProviders providers, SignInProperties properties) {
        this.providers = providers;
        this.properties = properties;
    }

    /** The university's buttons come first on every sign-in page; the password form says whom it is for. */
    @ModelAttribute
    void signInChoices(Model model) {
        model.addAttribute("providers", providers.all());
        model.addAttribute("passwordsForStaffOnly", providers.any() && !properties.localPasswordsForStudents());
    }

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

    /** Where a university sign-in that did not let the person in ends (see {@link UniversitySignInRefusals}). */
    @GetMapping(UniversitySignInRefusals.PAGE)
    String refused(@SessionAttribute(name = UniversitySignInRefusals.SESSION_ATTRIBUTE, required = false)
            UniversitySignInRefusals.Refusal refusal, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        // only what this browser's own sign-in left in its session: the address cannot make the page say anything
        model.addAttribute("reason", refusal != null ? refusal.reason() : UniversitySignInRefusals.FAILED);
        model.addAttribute("identity", refusal != null ? refusal.identity() : null);
        return "signin-refused";
    }
}
