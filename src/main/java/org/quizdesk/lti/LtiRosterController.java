package org.quizdesk.lti;

import org.quizdesk.account.PasswordSetupService;
import org.quizdesk.account.RosterImport;
import org.quizdesk.account.SignedInUser;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The roster from the LMS (NRPS): a course's members previewed on the roster page exactly as an uploaded CSV is, and
 * imported by its "Import these rows". Instructors only, as the roster is.
 */
@Controller
@PreAuthorize("hasRole('INSTRUCTOR')")
class LtiRosterController {

    static final String PAGE = "admin/lti-roster";
    static final String ROSTER_PAGE = "admin/roster";

    private final Memberships memberships;
    private final RosterImport roster;
    private final PasswordSetupService setups;

    LtiRosterController(Memberships memberships, RosterImport roster, PasswordSetupService setups) {
        this.memberships = memberships;
        this.roster = roster;
        this.setups = setups;
    }

    @GetMapping("/admin/lti/roster")
    String courses(Model model) {
        model.addAttribute("courses", memberships.courses());
        return PAGE;
    }

    @PostMapping("/admin/lti/roster/preview")
    String preview(@RequestParam long course, @AuthenticationPrincipal SignedInUser importer, Model model, RedirectAttributes redirect) {
        String csv;
        try {
            csv = memberships.rosterCsv(course);
        } catch (PlatformCalls.PlatformCallFailed | IllegalArgumentException failed) {
            redirect.addFlashAttribute("error", new DefaultMessageSourceResolvable(new String[] {"admin.lti.roster.failed"},
                    new Object[] {failed.getMessage()}));
            return "redirect:/admin/lti/roster";
        }
        RosterImport.Preview preview = roster.preview(csv, importer.getUsername());
        model.addAttribute("csv", preview.csv());
        model.addAttribute("preview", preview);
        model.addAttribute("outstanding", setups.outstanding().size());
        return ROSTER_PAGE;
    }
}
