package org.quizdesk.admin;

import java.time.Clock;
import java.util.List;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.QuizSettings;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Quiz settings, releases and accommodations: instructors only. */
@Controller
@PreAuthorize("hasRole('INSTRUCTOR')")
class SettingsController {

    private final QuizCatalog catalog;
    private final SettingsService settings;
    private final AdminProperties properties;
    private final Clock clock;

    SettingsController(QuizCatalog catalog, SettingsService settings, AdminProperties properties, Clock clock) {
        this.catalog = catalog;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/admin/quizzes/{quizId}/settings")
    String form(@PathVariable String quizId, Model model) {
        var quiz = catalog.currentOrThrow(quizId);
        QuizSettings current = quiz.settings();
        model.addAttribute("quiz", quiz.quiz());
        model.addAttribute("settings", current);
        model.addAttribute("zone", properties.timeZone().getId());
        model.addAttribute("opens", QuizSettingsForm.local(current.getOpensAt(), properties.timeZone()));
        model.addAttribute("closes", QuizSettingsForm.local(current.getClosesAt(), properties.timeZone()));
        model.addAttribute("fileMinutes", quiz.quiz().timeLimit().toMinutes());
        model.addAttribute("accommodations", settings.accommodations(quizId));
        return "admin/settings";
    }

    @PostMapping("/admin/quizzes/{quizId}/settings")
    String save(@PathVariable String quizId, @RequestParam(defaultValue = "false") boolean published,
            @RequestParam(defaultValue = "") String opens, @RequestParam(defaultValue = "") String closes,
            @RequestParam(defaultValue = "") String timeLimitMinutes, @RequestParam(defaultValue = "") String graceSeconds,
            RedirectAttributes redirect) {
        try {
            settings.update(quizId, published, QuizSettingsForm.time("Opens", opens, properties.timeZone()),
                    QuizSettingsForm.time("Closes", closes, properties.timeZone()),
                    QuizSettingsForm.wholeNumber("Time limit", timeLimitMinutes, 1, 24 * 60),
                    QuizSettingsForm.wholeNumber("Grace period", graceSeconds, 0, 3600));
            redirect.addFlashAttribute("message", "Settings saved.");
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/quizzes/" + quizId + "/settings";
    }

    @PostMapping("/admin/quizzes/{quizId}/releases")
    String release(@PathVariable String quizId, @RequestParam(defaultValue = "false") boolean scores,
            @RequestParam(defaultValue = "false") boolean solutions, @RequestParam(defaultValue = "false") boolean confirmed,
            Model model, RedirectAttributes redirect) {
        boolean newlyReleasingSolutions = solutions && scores && !settings.settings(quizId).isSolutionsReleased();
        if (newlyReleasingSolutions && !confirmed) {
            // the key would reach students who are still answering: ask first, naming them
            List<SettingsService.StillWorking> stillWorking = settings.stillWorking(quizId, clock.instant());
            if (!stillWorking.isEmpty()) {
                model.addAttribute("stillWorking", stillWorking);
                return form(quizId, model);
            }
        }
        settings.release(quizId, scores, solutions);
        redirect.addFlashAttribute("message", scores
                ? (solutions ? "Scores and solutions are released." : "Scores are released; solutions are not.")
                : "Nothing is released: students see neither scores nor solutions.");
        return "redirect:/admin/quizzes/" + quizId + "/settings";
    }

    @PostMapping("/admin/quizzes/{quizId}/accommodations")
    String accommodate(@PathVariable String quizId, @RequestParam(defaultValue = "") String netId,
            @RequestParam(defaultValue = "") String factor, @RequestParam(defaultValue = "") String extraMinutes,
            @RequestParam(defaultValue = "") String opens, @RequestParam(defaultValue = "") String closes,
            RedirectAttributes redirect) {
        try {
            Integer minutes = QuizSettingsForm.wholeNumber("Extra minutes", extraMinutes, 0, 24 * 60);
            settings.accommodate(quizId, netId, QuizSettingsForm.factor(factor), minutes == null ? 0 : minutes,
                    QuizSettingsForm.time("Personal window opens", opens, properties.timeZone()),
                    QuizSettingsForm.time("Personal window closes", closes, properties.timeZone()));
            redirect.addFlashAttribute("message", "Accommodation saved for " + netId.strip() + ".");
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/quizzes/" + quizId + "/settings#accommodations";
    }

    @PostMapping("/admin/quizzes/{quizId}/accommodations/{accountId}/delete")
    String remove(@PathVariable String quizId, @PathVariable long accountId, RedirectAttributes redirect) {
        settings.removeAccommodation(quizId, accountId);
        redirect.addFlashAttribute("message", "Accommodation removed.");
        return "redirect:/admin/quizzes/" + quizId + "/settings#accommodations";
    }
}
