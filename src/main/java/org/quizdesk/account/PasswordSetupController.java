package org.quizdesk.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Where a roster account sets its first password with the one-time code course staff gave it. */
@Controller
class PasswordSetupController {

    static final String PATH = "/setup-password";

    private final PasswordSetupService setups;

    PasswordSetupController(PasswordSetupService setups) {
        this.setups = setups;
    }

    @GetMapping(PATH)
    String form(@RequestParam(defaultValue = "") String code, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("account", setups.accountFor(code).orElse(null));
        model.addAttribute("minLength", PasswordSetupService.MIN_PASSWORD_LENGTH);
        return "account/setup-password";
    }

    @PostMapping(PATH)
    String set(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeated, RedirectAttributes redirect) {
        try {
            Account account = setups.redeem(code, password, repeated);
            redirect.addFlashAttribute("message", "Your password is set. Sign in as " + account.getUsername() + ".");
            return "redirect:/signin";
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            redirect.addAttribute("code", code);
            return "redirect:" + PATH;
        }
    }
}
