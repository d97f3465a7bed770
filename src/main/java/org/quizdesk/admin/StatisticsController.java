package org.quizdesk.admin;

import org.quizdesk.quiz.CurrentQuiz;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class StatisticsController {

    private final QuizCatalog catalog;
    private final StatisticsService statistics;

    StatisticsController(QuizCatalog catalog, StatisticsService statistics) {
        this.catalog = catalog;
        this.statistics = statistics;
    }

    @GetMapping("/admin/quizzes/{quizId}/statistics")
    String statistics(@PathVariable String quizId, Model model) {
        CurrentQuiz quiz = catalog.currentOrThrow(quizId);
        model.addAttribute("quiz", quiz.quiz());
        StatisticsService.Report report = statistics.report(quiz.quiz());
        model.addAttribute("stats", report.stats());
        model.addAttribute("byParameter", report.byParameter());
        return "admin/statistics";
    }
}
