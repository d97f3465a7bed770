package org.quizdesk.lti;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.PlatformSignIn;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /admin/lti}: the URLs to paste into the LMS, the platform registrations, which platform users launched into an
 * account, and the tool's key. Instructors only.
 */
@Controller
@PreAuthorize("hasRole('INSTRUCTOR')")
class LtiAdminController {

    static final String PAGE = "admin/lti";
    static final String FORM = "admin/lti-platform";

    private final PlatformRegistrations platforms;
    private final ToolKeys keys;
    private final PlatformSignIn signIn;
    private final LaunchAccounts launchAccounts;
    private final AccountService accounts;

    LtiAdminController(PlatformRegistrations platforms, ToolKeys keys, PlatformSignIn signIn, LaunchAccounts launchAccounts,
            AccountService accounts) {
        this.platforms = platforms;
        this.keys = keys;
        this.signIn = signIn;
        this.launchAccounts = launchAccounts;
        this.accounts = accounts;
    }

    @InitBinder("platformForm")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("issuer", "clientId", "deploymentIds", "oidcLoginUrl", "tokenUrl", "keySetUrl",
                "trustsCustomNetId");
    }

    /** The custom parameter a registration may trust is named as the net id claim ({@code quizdesk.sign-in}). */
    @ModelAttribute("netIdClaim")
    String netIdClaim() {
        return signIn.netIdClaim();
    }

    /** With {@code account}, also which platform users launched into that account ("Who launched as whom"). */
    @GetMapping("/admin/lti")
    String page(HttpServletRequest request, @RequestParam(required = false) String account, Model model) {
        if (account != null && !account.isBlank()) {
            String netId = account.strip();
            model.addAttribute("linksAccount", netId);
            accounts.findByUsername(netId).ifPresent(found -> {
                model.addAttribute("linksAccount", found.username());
                model.addAttribute("linksAccountName", found.fullName());
                model.addAttribute("links", launchAccounts.linksOf(found.id()));
            });
        }
        String base = ServletUriComponentsBuilder.fromContextPath(request).toUriString();
        model.addAttribute("loginUrl", base + "/lti/login");
        model.addAttribute("launchUrl", base + LaunchController.LAUNCH_PATH);
        model.addAttribute("keySetUrl", base + "/lti/jwks");
        model.addAttribute("deepLinkUrl", base + LaunchController.LAUNCH_PATH);
        model.addAttribute("platforms", platforms.all());
        keys.signingKey();
        model.addAttribute("keys", keys.published());
        return PAGE;
    }

    @GetMapping("/admin/lti/platforms/new")
    String newPlatform(Model model) {
        model.addAttribute("platformForm", new PlatformForm());
        return FORM;
    }

    @PostMapping("/admin/lti/platforms/new")
    String add(@Valid @ModelAttribute PlatformForm platformForm, BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return FORM;
        }
        try {
            platforms.add(platformForm);
        } catch (PlatformRegistrations.DuplicateRegistration duplicate) {
            binding.rejectValue("clientId", "admin.lti.form.duplicate");
            return FORM;
        }
        redirect.addFlashAttribute("message", new DefaultMessageSourceResolvable("admin.lti.added"));
        return "redirect:/admin/lti";
    }

    @GetMapping("/admin/lti/platforms/{id}")
    String edit(@PathVariable long id, Model model) {
        Platform platform = platforms.find(id).orElseThrow(() -> new PlatformNotFound(id));
        model.addAttribute("platformForm", PlatformForm.of(platform));
        model.addAttribute("platformId", id);
        return FORM;
    }

    @PostMapping("/admin/lti/platforms/{id}")
    String change(@PathVariable long id, @Valid @ModelAttribute PlatformForm platformForm, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("platformId", id);
        if (binding.hasErrors()) {
            return FORM;
        }
        try {
            platforms.change(id, platformForm).orElseThrow(() -> new PlatformNotFound(id));
        } catch (PlatformRegistrations.DuplicateRegistration duplicate) {
            binding.rejectValue("clientId", "admin.lti.form.duplicate");
            return FORM;
        }
        redirect.addFlashAttribute("message", new DefaultMessageSourceResolvable("admin.lti.changed"));
        return "redirect:/admin/lti";
    }

    @PostMapping("/admin/lti/platforms/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        if (!platforms.remove(id)) {
            throw new PlatformNotFound(id);
        }
        redirect.addFlashAttribute("message", new DefaultMessageSourceResolvable("admin.lti.deleted"));
        return "redirect:/admin/lti";
    }

    /** Forgets a wrong launch link: that platform user's next launch finds an account as a first launch does. */
    @PostMapping("/admin/lti/links/remove")
    String unlink(@Valid UnlinkForm form, BindingResult binding, RedirectAttributes redirect) {
        boolean removed = !binding.hasErrors() && launchAccounts.unlink(form.issuer(), form.subject());
        redirect.addFlashAttribute(removed ? "message" : "error", new DefaultMessageSourceResolvable(
                new String[] {removed ? "admin.lti.links.removed" : "admin.lti.links.gone"}, new Object[] {form.subject()}));
        if (form.account() != null && !form.account().isBlank()) {
            redirect.addAttribute("account", form.account());
        }
        return "redirect:/admin/lti#links";
    }

    @PostMapping("/admin/lti/keys/rotate")
    String rotate(RedirectAttributes redirect) {
        ToolKeys.KeyInfo key = keys.rotate();
        redirect.addFlashAttribute("message", new DefaultMessageSourceResolvable(new String[] {"admin.lti.rotated"},
                new Object[] {key.kid()}));
        return "redirect:/admin/lti";
    }
}
