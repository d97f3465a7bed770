package org.quizdesk.lti;

import java.util.ArrayList;
import java.util.List;
import org.quizdesk.account.AccountService;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A quiz's grade passback: each student's status (sent, pending, failed with the reason) and "send again". Staff. */
@Controller
@PreAuthorize("hasAnyRole('TA','INSTRUCTOR')")
class PassbackController {

    static final String PAGE = "admin/lti-passback";

    private final ScorePassback passback;
    private final QuizCatalog catalog;
    private final AccountService accounts;

    PassbackController(ScorePassback passback, QuizCatalog catalog, AccountService accounts) {
        this.passback = passback;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    @GetMapping("/admin/quizzes/{quizId}/passback")
    String page(@PathVariable String quizId, Model model) {
        model.addAttribute("quiz", catalog.currentOrThrow(quizId).quiz());
        var statuses = passback.statuses(quizId);
        List<Long> unsendable = passback.unsendable(quizId);
        List<Long> shown = new ArrayList<>(statuses.stream().map(ScorePassback.Status::accountId).toList());
        shown.addAll(unsendable);
        model.addAttribute("linked", passback.linked(quizId));
        model.addAttribute("statuses", statuses);
        model.addAttribute("unsendable", unsendable);
        model.addAttribute("students", accounts.findAll(shown));
        return PAGE;
    }

    @PostMapping("/admin/quizzes/{quizId}/passback/{id}/send-again")
    String sendAgain(@PathVariable String quizId, @PathVariable long id, SendAgainForm form, RedirectAttributes redirect) {
        catalog.currentOrThrow(quizId);
        if (!passback.sendAgain(quizId, id)) {
            throw new PassbackNotFound(id);
        }
        redirect.addFlashAttribute("message", new DefaultMessageSourceResolvable("admin.lti.passback.queuedOne"));
        return "redirect:/admin/quizzes/" + quizId + (form.fromResults() ? "/results" : "/passback");
    }

    /** "Send again" from this page, or from the results table's LMS column ({@code back=results}), which it returns to. */
    record SendAgainForm(String back) {

        boolean fromResults() {
            return "results".equals(back);
        }
    }

    @PostMapping("/admin/quizzes/{quizId}/passback/send-again")
    String sendAllAgain(@PathVariable String quizId, RedirectAttributes redirect) {
        catalog.currentOrThrow(quizId);
        int queued = passback.sendAllAgain(quizId);
        redirect.addFlashAttribute("message", new DefaultMessageSourceResolvable(new String[] {"admin.lti.passback.queued"},
                new Object[] {queued}));
        return "redirect:/admin/quizzes/" + quizId + "/passback";
    }

    /** No such passback row for this quiz: 404 by {@link LtiErrors}. */
    static class PassbackNotFound extends RuntimeException {
        PassbackNotFound(long id) {
            super("There is no score passback " + id + " for this quiz.");
        }
    }
}
