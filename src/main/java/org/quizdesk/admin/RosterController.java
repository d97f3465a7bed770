package org.quizdesk.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.PasswordSetup;
import org.quizdesk.account.PasswordSetupService;
import org.quizdesk.account.RosterImport;
import org.quizdesk.account.SignedInUser;
import org.quizdesk.export.CsvCells;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Roster import with a preview, and the export of outstanding password-setup codes: instructors only. */
@Controller
@PreAuthorize("hasRole('INSTRUCTOR')")
class RosterController {

    private final RosterImport roster;
    private final PasswordSetupService setups;
    private final AccountService accounts;

    RosterController(RosterImport roster, PasswordSetupService setups, AccountService accounts) {
        this.roster = roster;
        this.setups = setups;
        this.accounts = accounts;
    }

    @GetMapping("/admin/roster")
    String form(Model model) {
        model.addAttribute("outstanding", setups.outstanding().size());
        return "admin/roster";
    }

    @PostMapping("/admin/roster/preview")
    String preview(RosterForm form, @AuthenticationPrincipal SignedInUser importer, Model model) throws IOException {
        RosterImport.Preview preview = form.uploaded()
                ? roster.preview(form.file().getBytes(), importer.getUsername()) : roster.preview(form.csv(), importer.getUsername());
        model.addAttribute("csv", preview.csv());
        model.addAttribute("preview", preview);
        model.addAttribute("outstanding", setups.outstanding().size());
        return "admin/roster";
    }

    @PostMapping("/admin/roster/import")
    String importRoster(RosterForm form, @AuthenticationPrincipal SignedInUser importer, RedirectAttributes redirect) {
        try {
            RosterImport.Result result = roster.apply(form.csv(), importer.getUsername());
            String roles = result.roleChanges() + result.refused() == 0 ? ""
                    : " Roles changed: " + result.roleChanges() + "; role changes refused: " + result.refused() + ".";
            redirect.addFlashAttribute("message", "Roster imported: " + result.created() + " new account(s), " + result.updated()
                    + " updated, " + result.unchanged() + " unchanged." + roles + codes(result));
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/roster";
    }

    @GetMapping("/admin/roster/setup-codes.csv")
    void codes(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<PasswordSetup> outstanding = setups.outstanding();
        Map<Long, Account> owners = accounts.findAll(outstanding.stream().map(PasswordSetup::accountId).toList());
        String base = ServletUriComponentsBuilder.fromContextPath(request).path("/setup-password").toUriString();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"setup-codes.csv\"");
        CSVPrinter printer = new CSVPrinter(response.getWriter(), CSVFormat.RFC4180);
        printer.printRecord("net id", "name", "email", "section", "code", "link", "expires");
        for (PasswordSetup setup : outstanding) {
            Account owner = owners.get(setup.accountId());
            printer.printRecord(CsvCells.text(owner.username()), CsvCells.text(owner.fullName()), CsvCells.text(owner.email()),
                    CsvCells.text(owner.section()), setup.code(), link(base, setup.code()), CsvCells.time(setup.expiresAt()));
        }
        printer.flush();
    }

    /** Students who sign in only through the university get no code (the roster import does not issue them one). */
    private static String codes(RosterImport.Result result) {
        int without = result.created() - result.codesIssued();
        String download = result.codesIssued() > 0 ? " Download the setup codes for the new accounts below." : "";
        return without == 0 ? download
                : download + " " + without + " new student(s) got no setup code: students sign in through the university.";
    }

    /** The code rides in the fragment, which browsers never send: it stays out of access logs and Referer headers. */
    static String link(String setupPage, String code) {
        return setupPage + "#code=" + code;
    }
}
