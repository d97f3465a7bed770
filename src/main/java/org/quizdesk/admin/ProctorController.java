package org.quizdesk.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.quizdesk.account.SignedInUser;
import org.quizdesk.admin.ProctorForms.AnnouncementForm;
import org.quizdesk.admin.ProctorForms.ExtendForm;
import org.quizdesk.admin.ProctorForms.LogPageForm;
import org.quizdesk.admin.ProctorForms.PauseForm;
import org.quizdesk.admin.ProctorForms.ReasonForm;
import org.quizdesk.attempt.AttemptNotFound;
import org.quizdesk.attempt.AttemptResults;
import org.quizdesk.attempt.AttemptSummary;
import org.quizdesk.attempt.ProctorActions;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The proctor's actions. Instructors do all of them; TAs post and withdraw announcements and extend one student's
 * time (the help a TA in the room gives), but do not change the whole class's time, pause, close or submit.
 * Each action goes back to the page it came from (the control room, the actions page or the attempt page).
 */
@Controller
class ProctorController {

    private static final String INSTRUCTORS = "hasRole('INSTRUCTOR')";

    private final ProctorActions actions;
    private final QuizCatalog catalog;
    private final AttemptResults attempts;
    private final ProctorPanel panels;

    ProctorController(ProctorActions actions, QuizCatalog catalog, AttemptResults attempts, ProctorPanel panels) {
        this.panels = panels;
        this.actions = actions;
        this.catalog = catalog;
        this.attempts = attempts;
    }

    /** The class-wide actions and the audit log on a page of their own (the control room shows the same fragment). */
    @GetMapping("/admin/quizzes/{quizId}/actions")
    String page(@PathVariable String quizId, @Valid LogPageForm logPage, BindingResult outOfDateLogPage,
            HttpServletRequest request, Model model) {
        model.addAttribute("quiz", catalog.currentOrThrow(quizId).quiz());
        model.addAttribute("panel", panels.quiz(quizId, outOfDateLogPage.hasErrors() ? 0 : logPage.page(), request.getRequestURI()));
        return "admin/actions";
    }

    @PostMapping("/admin/quizzes/{quizId}/extend")
    @PreAuthorize(INSTRUCTORS)
    String extendAll(@PathVariable String quizId, @Valid ExtendForm form, @RequestParam(required = false) String back,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        catalog.currentOrThrow(quizId);
        actions.extendAll(quizId, form.wholeMinutes(), form.reason().strip(), user.accountId());
        redirect.addFlashAttribute("message", "Everyone in progress has " + form.wholeMinutes() + " more minutes.");
        return back(quizId, back);
    }

    @PostMapping("/admin/quizzes/{quizId}/pause")
    @PreAuthorize(INSTRUCTORS)
    String pause(@PathVariable String quizId, @Valid PauseForm form, @RequestParam(required = false) String back,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        catalog.currentOrThrow(quizId);
        actions.pause(quizId, form.reasonOrNull(), user.accountId());
        redirect.addFlashAttribute("message", "The quiz is paused: countdowns stand still, nobody starts, saves go on.");
        return back(quizId, back);
    }

    @PostMapping("/admin/quizzes/{quizId}/resume")
    @PreAuthorize(INSTRUCTORS)
    String resume(@PathVariable String quizId, @Valid PauseForm form, @RequestParam(required = false) String back,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        catalog.currentOrThrow(quizId);
        actions.resume(quizId, form.reasonOrNull(), user.accountId());
        redirect.addFlashAttribute("message", "The quiz goes on; the pause was added to every deadline in progress.");
        return back(quizId, back);
    }

    /** Asks first, naming how many are in progress; the confirmed form closes. */
    @PostMapping("/admin/quizzes/{quizId}/close")
    @PreAuthorize(INSTRUCTORS)
    String close(@PathVariable String quizId, @Valid ReasonForm form, @RequestParam(required = false) String back,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        catalog.currentOrThrow(quizId);
        if (!form.confirmedNow()) {
            redirect.addFlashAttribute("closeConfirm", new CloseConfirm(form.reason().strip(), actions.inProgress(quizId)));
            return back(quizId, back);
        }
        actions.closeNow(quizId, form.reason().strip(), user.accountId());
        redirect.addFlashAttribute("message", "The quiz is closed: nobody starts, and the time of everyone in progress ended now.");
        return back(quizId, back);
    }

    /** What the close's confirmation step shows. */
    record CloseConfirm(String reason, int inProgress) implements java.io.Serializable {
    }

    @PostMapping("/admin/quizzes/{quizId}/announcements")
    String announce(@PathVariable String quizId, @Valid AnnouncementForm form, @RequestParam(required = false) String back,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        catalog.currentOrThrow(quizId);
        actions.announce(quizId, form.text(), user.accountId());
        redirect.addFlashAttribute("message", "Announcement posted; students see it within ten seconds.");
        return back(quizId, back);
    }

    @PostMapping("/admin/quizzes/{quizId}/announcements/{announcementId}/withdraw")
    String withdraw(@PathVariable String quizId, @PathVariable long announcementId,
            @RequestParam(required = false) String back, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        catalog.currentOrThrow(quizId);
        actions.withdraw(quizId, announcementId, user.accountId());
        redirect.addFlashAttribute("message", "Announcement withdrawn.");
        return back(quizId, back);
    }

    @PostMapping("/admin/attempts/{attemptId}/extend")
    String extendOne(@PathVariable long attemptId, @Valid ExtendForm form, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        attempt(attemptId);
        actions.extend(attemptId, form.wholeMinutes(), form.reason().strip(), user.accountId());
        redirect.addFlashAttribute("message", "This student has " + form.wholeMinutes() + " more minutes.");
        return "redirect:/admin/attempts/" + attemptId + "#proctor";
    }

    @PostMapping("/admin/attempts/{attemptId}/submit")
    @PreAuthorize(INSTRUCTORS)
    String submitOne(@PathVariable long attemptId, @Valid ReasonForm form, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        attempt(attemptId);
        actions.submit(attemptId, form.reason().strip(), user.accountId());
        redirect.addFlashAttribute("message", "The attempt is submitted with its last saved answers.");
        return "redirect:/admin/attempts/" + attemptId + "#proctor";
    }

    private AttemptSummary attempt(long attemptId) {
        return attempts.find(attemptId)
                .orElseThrow(() -> new AttemptNotFound(attemptId));
    }

    /** Back to the quiz's staff page the form was on; any other address (an edited form) goes to the actions page. */
    static String back(String quizId, String back) {
        String quizPages = "/admin/quizzes/" + quizId + "/";
        boolean ours = back != null && back.startsWith(quizPages) && back.matches("[\\w/.-]+");
        return "redirect:" + (ours ? back : quizPages + "actions") + "#actions";
    }
}
