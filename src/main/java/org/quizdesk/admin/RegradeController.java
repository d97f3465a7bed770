package org.quizdesk.admin;

import org.quizdesk.account.SignedInUser;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The regrade after a quiz file changed: what changed, a dry run for every attempt, and the change on confirmation. */
@Controller
@PreAuthorize("hasRole('INSTRUCTOR')")
class RegradeController {

    private final QuizCatalog catalog;
    private final Regrade regrade;

    RegradeController(QuizCatalog catalog, Regrade regrade) {
        this.catalog = catalog;
        this.regrade = regrade;
    }

    @GetMapping("/admin/quizzes/{quizId}/regrade")
    String preview(@PathVariable String quizId, Model model) {
        model.addAttribute("quiz", catalog.currentOrThrow(quizId).quiz());
        model.addAttribute("plan", regrade.plan(quizId));
        return "admin/regrade";
    }

    @PostMapping("/admin/quizzes/{quizId}/regrade")
    String apply(@PathVariable String quizId, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        catalog.currentOrThrow(quizId);
        Regrade.Plan applied = regrade.apply(quizId, user.accountId());
        long moved = applied.attempts().stream().filter(a -> a.problem() == null).count();
        redirect.addFlashAttribute("message", "Regraded " + moved + " attempt(s) onto version " + applied.toVersion() + "; "
                + applied.changedTotals() + " total(s) changed.");
        return "redirect:/admin/quizzes/" + quizId + "/regrade";
    }
}
