package org.quizdesk.account;

import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a roster account sets its password with the one-time code course staff gave it. The code is typed (or filled
 * in by the page from the link's #fragment) and posted; no URL of this page ever holds it.
 */
@Controller
class PasswordSetupController {

    static final String PATH = "/setup-password";

    private final PasswordSetupService setups;
    private final MessageSource messages;

    PasswordSetupController(PasswordSetupService setups, MessageSource messages) {
        this.setups = setups;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String form(Model model) {
        return page("", null, model);
    }

    @PostMapping(PATH)
    String set(@Valid PasswordSetupForm form, BindingResult errors, Model model, RedirectAttributes redirect, Locale locale) {
        if (errors.hasErrors()) {
            return page(form.code(), errors.getAllErrors().get(0).getDefaultMessage(), model);
        }
        try {
            Account account = setups.redeem(form.code(), form.password(), form.repeated());
            redirect.addFlashAttribute("message", new DefaultMessageSourceResolvable(new String[] {"setup.done"},
                    new Object[] {account.username()}, "Your password is set. Sign in as " + account.username() + "."));
            return "redirect:/signin";
        } catch (PasswordSetupRefused refused) {
            // shown again with the code in the form field, not redirected with it in the query string
            return page(form.code(), messages.getMessage(refused, locale), model);
        }
    }

    private static String page(String code, String error, Model model) {
        model.addAttribute("code", code == null ? "" : code.strip());
        model.addAttribute("error", error);
        model.addAttribute("minLength", PasswordSetupService.MIN_PASSWORD_LENGTH);
        return "account/setup-password";
    }
}
