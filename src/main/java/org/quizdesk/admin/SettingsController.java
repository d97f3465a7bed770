package org.quizdesk.admin;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.QuizSettings;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
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
    String form(@PathVariable String quizId, @RequestParam(defaultValue = "0") int refusals, Model model) {
        var quiz = catalog.currentOrThrow(quizId);
        QuizSettings current = quiz.settings();
        model.addAttribute("quiz", quiz.quiz());
        model.addAttribute("settings", current);
        model.addAttribute("zone", properties.timeZone().getId());
        model.addAttribute("opens", QuizSettingsForm.local(current.getOpensAt(), properties.timeZone()));
        model.addAttribute("closes", QuizSettingsForm.local(current.getClosesAt(), properties.timeZone()));
        model.addAttribute("fileMinutes", quiz.quiz().timeLimit().toMinutes());
        model.addAttribute("accommodations", settings.accommodations(quizId));
        if (!model.containsAttribute("accessForm")) {
            model.addAttribute("accessForm", AccessForm.of(current.getAccess()));
        }
        model.addAttribute("refusals", settings.refusals(quizId, refusals));
        return "admin/settings";
    }

    /** The access rules; a refused form comes back as typed (400), with the reason next to the field. */
    @PostMapping("/admin/quizzes/{quizId}/access")
    String access(@PathVariable String quizId, @Valid AccessForm accessForm, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("accessError", FormFields.firstMessage(result));
            return form(quizId, 0, model);
        }
        settings.changeAccess(quizId, accessForm.change());
        redirect.addFlashAttribute("message", "Access rules saved.");
        return "redirect:/admin/quizzes/" + quizId + "/settings#access";
    }

    @InitBinder({"settingsForm", "accommodationForm", "accessForm"})
    void checkTypedFields(WebDataBinder binder) {
        binder.addValidators(FormFields.CHECK);
    }

    @PostMapping("/admin/quizzes/{quizId}/settings")
    String save(@PathVariable String quizId, @Valid SettingsForm form, BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute("error", FormFields.firstMessage(result));
            return "redirect:/admin/quizzes/" + quizId + "/settings";
        }
        try {
            ZoneId zone = properties.timeZone();
            settings.update(quizId, form.published(), form.opensAt(zone), form.closesAt(zone), form.timeLimit(), form.grace());
            redirect.addFlashAttribute("message", "Settings saved.");
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/quizzes/" + quizId + "/settings";
    }

    @PostMapping("/admin/quizzes/{quizId}/releases")
    String release(@PathVariable String quizId, ReleaseForm form, Model model, RedirectAttributes redirect) {
        boolean scores = form.scores();
        boolean solutions = form.solutions();
        boolean newlyReleasingSolutions = solutions && scores && !settings.settings(quizId).isSolutionsReleased();
        if (newlyReleasingSolutions && !form.confirmed()) {
            // the key would reach students who are still answering: ask first, naming them
            List<SettingsService.StillWorking> stillWorking = settings.stillWorking(quizId, clock.instant());
            if (!stillWorking.isEmpty()) {
                model.addAttribute("stillWorking", stillWorking);
                return form(quizId, 0, model);
            }
        }
        settings.release(quizId, scores, solutions);
        redirect.addFlashAttribute("message", scores
                ? (solutions ? "Scores and solutions are released." : "Scores are released; solutions are not.")
                : "Nothing is released: students see neither scores nor solutions.");
        return "redirect:/admin/quizzes/" + quizId + "/settings";
    }

    @PostMapping("/admin/quizzes/{quizId}/accommodations")
    String accommodate(@PathVariable String quizId, @Valid AccommodationForm form, BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute("error", FormFields.firstMessage(result));
            return "redirect:/admin/quizzes/" + quizId + "/settings#accommodations";
        }
        try {
            ZoneId zone = properties.timeZone();
            settings.accommodate(quizId, form.netId(), form.timeFactor(), form.minutes(), form.opensAt(zone), form.closesAt(zone));
            redirect.addFlashAttribute("message", "Accommodation saved for " + form.netId().strip() + ".");
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
