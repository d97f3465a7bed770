package org.quizdesk.admin;

import java.time.Clock;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff landing page: every quiz with its state and links, and the problems of the last quiz-folder sync. */
@Controller
class AdminHomeController {

    private final QuizOverview overview;
    private final QuizCatalog catalog;
    private final Clock clock;

    AdminHomeController(QuizOverview overview, QuizCatalog catalog, Clock clock) {
        this.overview = overview;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/admin")
    String home(Model model) {
        model.addAttribute("quizzes", overview.rows(clock.instant()));
        model.addAttribute("problems", catalog.problems());
        return "admin/home";
    }
}
