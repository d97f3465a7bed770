package org.quizdesk.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.quizdesk.quiz.AccessRules;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The access code, large, for the proctor's screen (staff: TAs proctor too). A rotating code's page reloads itself
 * when the code changes, without JavaScript; a fixed code's page now and then, in case the instructor changes it.
 */
@Controller
class AccessCodeController {

    private final QuizCatalog catalog;
    private final Clock clock;

    AccessCodeController(QuizCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/admin/quizzes/{quizId}/code")
    String code(@PathVariable String quizId, Model model) {
        var quiz = catalog.currentOrThrow(quizId);
        AccessRules access = quiz.settings().getAccess();
        Instant now = clock.instant();
        model.addAttribute("quiz", quiz.quiz());
        model.addAttribute("code", access.codeAt(now));
        model.addAttribute("rotating", access.rotating() != null);
        long refreshSeconds = 60;
        if (access.rotating() != null) {
            Instant next = access.rotating().nextChangeAfter(now);
            model.addAttribute("changesAt", next);
            // a second after the change, so the new step has begun on every node
            refreshSeconds = Duration.between(now, next).toSeconds() + 1;
        }
        model.addAttribute("refreshSeconds", refreshSeconds);
        return "admin/code";
    }
}
