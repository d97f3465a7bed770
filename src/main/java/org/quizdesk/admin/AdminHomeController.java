package org.quizdesk.admin;

import java.time.Clock;
import org.quizdesk.quiz.FolderSync;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff landing page: every quiz with its state and links, and the problems of the last quiz-folder sync. */
@Controller
class AdminHomeController {

    private final QuizOverview overview;
    private final QuizCatalog catalog;
    private final Clock clock;
    private final ImportProperties imports;

    AdminHomeController(QuizOverview overview, QuizCatalog catalog, Clock clock, ImportProperties imports) {
        this.overview = overview;
        this.catalog = catalog;
        this.clock = clock;
        this.imports = imports;
    }

    @GetMapping("/admin")
    String home(Model model) {
        model.addAttribute("quizzes", overview.rows(clock.instant()));
        model.addAttribute("lastSync", catalog.lastSync().orElse(null));
        model.addAttribute("maxUploadBytes", imports.maxUploadSize().toBytes());
        return "admin/home";
    }

    /** Reads the quiz folder now, for a change the watcher cannot see (a folder on a network drive, watching off). */
    @PostMapping("/admin/quizzes/sync")
    @PreAuthorize("hasRole('INSTRUCTOR')")
    String sync(RedirectAttributes redirect) {
        FolderSync sync = catalog.sync();
        redirect.addFlashAttribute(sync.problems().isEmpty() ? "message" : "error", new DefaultMessageSourceResolvable(
                new String[] {"admin.home.synced"}, new Object[] {sync.loaded().size(), sync.changed().size(),
                        String.join(", ", sync.changed()), sync.filesNotLoaded()}));
        return "redirect:/admin";
    }
}
