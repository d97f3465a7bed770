package org.quizdesk.account;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
class SignInController {

    /** The reasons the refusal page knows; anything else in its address reads as the general one. */
    private static final Set<String> REFUSALS = Stream.concat(
            Stream.of(UniversitySignInRefused.Reason.values()).map(UniversitySignInRefused.Reason::code),
            Stream.of(UniversitySignInRefusals.FAILED)).collect(Collectors.toUnmodifiableSet());

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
        boolean known = refusal != null && REFUSALS.contains(refusal.reason());
        model.addAttribute("reason", known ? refusal.reason() : UniversitySignInRefusals.FAILED);
        model.addAttribute("identity", known ? refusal.identity() : null);
        return "signin-refused";
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
