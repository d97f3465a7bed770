package org.quizdesk.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.format.DateTimeFormatter;
import org.quizdesk.account.AccountAdministration;
import org.quizdesk.account.Account;
import org.quizdesk.account.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Account administration: find an account, disable or re-enable it, reset its password, end its sessions. Instructors only. */
@Controller
@PreAuthorize("hasRole('INSTRUCTOR')")
@RequestMapping("/admin/accounts")
class AccountsController {

    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AccountAdministration administration;
    private final AdminProperties properties;

    AccountsController(AccountAdministration administration, AdminProperties properties) {
        this.administration = administration;
        this.properties = properties;
    }

    @GetMapping
    String list(@Valid @ModelAttribute("search") AccountSearchForm search, BindingResult errors,
            @AuthenticationPrincipal SignedInUser me, Model model) {
        Page<Account> found = errors.hasErrors() ? Page.empty() : administration.search(search.text(), search.pageNumber());
        model.addAttribute("found", found);
        model.addAttribute("q", errors.hasErrors() ? "" : search.text());
        model.addAttribute("me", me.getUsername());
        model.addAttribute("searchError", errors.hasErrors() ? errors.getAllErrors().get(0).getDefaultMessage() : null);
        return "admin/accounts";
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, @Valid AccountActionForm form, BindingResult errors,
            @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        Account account = administration.disable(id, me.getUsername());
        redirect.addFlashAttribute("message", account.username() + " is disabled and signed out; they cannot sign in until re-enabled.");
        return back(form, errors, redirect);
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, @Valid AccountActionForm form, BindingResult errors,
            @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        Account account = administration.enable(id, me.getUsername());
        redirect.addFlashAttribute("message", account.username() + " is enabled again.");
        return back(form, errors, redirect);
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(@PathVariable long id, @Valid AccountActionForm form, BindingResult errors,
            @AuthenticationPrincipal SignedInUser me, HttpServletRequest request, RedirectAttributes redirect) {
        AccountAdministration.PasswordReset reset = administration.resetPassword(id, me.getUsername());
        redirect.addFlashAttribute("message", reset.account().username()
                + "'s password no longer works and they are signed out. Give them the one-time code below.");
        // shown once, on the page the redirect leads to (a flash attribute, never in a URL)
        redirect.addFlashAttribute("reset", reset);
        redirect.addFlashAttribute("resetLink", RosterController.link(
                ServletUriComponentsBuilder.fromContextPath(request).path("/setup-password").toUriString(), reset.code()));
        redirect.addFlashAttribute("resetExpires", EXPIRES.format(reset.expiresAt().atZone(properties.timeZone()))
                + " (" + properties.timeZone().getId() + ")");
        return back(form, errors, redirect);
    }

    @PostMapping("/{id}/end-sessions")
    String endSessions(@PathVariable long id, @Valid AccountActionForm form, BindingResult errors,
            @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        int ended = administration.endSessions(id, me.getUsername());
        redirect.addFlashAttribute("message", ended == 0 ? "That account had no sessions." : "Ended " + ended + " session(s).");
        return back(form, errors, redirect);
    }

    private static String back(AccountActionForm form, BindingResult errors, RedirectAttributes redirect) {
        if (!errors.hasErrors() && form.q() != null && !form.q().isBlank()) {
            redirect.addAttribute("q", form.q().strip());
        }
        return "redirect:/admin/accounts";
    }
}
