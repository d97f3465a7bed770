package org.quizdesk.admin;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.io.IOException;
import org.quizdesk.attempt.QuizSheets;
import org.quizdesk.attempt.ReviewSheets;
import org.quizdesk.interchange.ImportException;
import org.quizdesk.quiz.QuizProperties;
import org.quizdesk.quiz.StudentVersion;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import by upload on the admin home, for instructors: the file is converted and shown (its questions as the preview
 * shows them, what could not be carried over, where scores would differ); only the confirmation writes it.
 */
@Controller
@PreAuthorize("hasRole('INSTRUCTOR')")
class QuizImportController {

    private static final String VIEW = "admin/import";

    private final QuizImports imports;
    private final QuizSheets sheets;
    private final ReviewSheets reviews;
    private final QuizProperties quizzes;

    QuizImportController(QuizImports imports, QuizSheets sheets, ReviewSheets reviews, QuizProperties quizzes) {
        this.imports = imports;
        this.sheets = sheets;
        this.reviews = reviews;
        this.quizzes = quizzes;
    }

    @PostMapping("/admin/imports")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
            RedirectAttributes redirect) throws IOException {
        session.removeAttribute(PendingImport.SESSION_KEY); // a new upload replaces one waiting
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
            flash(redirect, "error", "admin.import.chooseFile");
            return "redirect:/admin";
        }
        try {
            PendingImport pending = imports.upload(file.getOriginalFilename(), file.getBytes());
            imports.convert(pending, null); // refused here already when it cannot be read at all
            session.setAttribute(PendingImport.SESSION_KEY, pending);
            return "redirect:/admin/imports";
        } catch (ImportException | ImportRefused refused) {
            flash(redirect, "error", "admin.import.nothingImported", refused.getMessage());
            return "redirect:/admin";
        }
    }

    @GetMapping("/admin/imports")
    String preview(HttpSession session, Model model, RedirectAttributes redirect) {
        PendingImport pending = (PendingImport) session.getAttribute(PendingImport.SESSION_KEY);
        if (pending == null) {
            flash(redirect, "error", "admin.import.noneWaiting");
            return "redirect:/admin";
        }
        try {
            return show(pending, null, null, model);
        } catch (ImportException | ImportRefused refused) {
            session.removeAttribute(PendingImport.SESSION_KEY);
            flash(redirect, "error", "admin.import.nothingImported", refused.getMessage());
            return "redirect:/admin";
        }
    }

    @PostMapping("/admin/imports/confirm")
    String confirm(@Valid ImportForm form, BindingResult invalid, HttpSession session, Model model,
            RedirectAttributes redirect) {
        PendingImport pending = (PendingImport) session.getAttribute(PendingImport.SESSION_KEY);
        if (pending == null) {
            flash(redirect, "error", "admin.import.noneWaiting");
            return "redirect:/admin";
        }
        try {
            if (invalid.hasErrors()) {
                return show(pending, form, invalid.getAllErrors().get(0).getDefaultMessage(), model);
            }
            QuizImports.Written written = imports.write(pending, form);
            session.removeAttribute(PendingImport.SESSION_KEY);
            String key = written.replaced() ? "admin.import.replaced"
                    : quizzes.publishNew() ? "admin.import.importedPublished" : "admin.import.imported";
            // flash arguments travel in the session: strings and numbers only
            flash(redirect, "message", key, pending.fileName(),
                    quizzes.dir().resolve(written.file().getFileName()).toString(), written.questions(), written.images());
            return "redirect:/admin";
        } catch (ImportRefused | ImportException refused) {
            return refusedAgain(pending, form, refused.getMessage(), session, model, redirect);
        }
    }

    private String refusedAgain(PendingImport pending, ImportForm form, String why, HttpSession session, Model model,
            RedirectAttributes redirect) {
        try {
            return show(pending, form, why, model);
        } catch (ImportException | ImportRefused unreadable) {
            session.removeAttribute(PendingImport.SESSION_KEY);
            flash(redirect, "error", "admin.import.nothingImported", why);
            return "redirect:/admin";
        }
    }

    @PostMapping("/admin/imports/cancel")
    String cancel(HttpSession session, RedirectAttributes redirect) {
        PendingImport pending = (PendingImport) session.getAttribute(PendingImport.SESSION_KEY);
        session.removeAttribute(PendingImport.SESSION_KEY);
        if (pending == null) {
            flash(redirect, "message", "admin.import.noneWaiting");
        } else {
            flash(redirect, "message", "admin.import.cancelled", pending.fileName());
        }
        return "redirect:/admin";
    }

    private static void flash(RedirectAttributes redirect, String kind, String key, Object... arguments) {
        redirect.addFlashAttribute(kind, new DefaultMessageSourceResolvable(new String[] {key}, arguments));
    }

    /** The preview page: the converted quiz under the name asked for (or the file's), with the confirmation form. */
    private String show(PendingImport pending, ImportForm asked, String error, Model model)
            throws ImportException, ImportRefused {
        // a name that is not a valid id is shown as typed, with the error, over the quiz under the file's own name
        QuizImports.Converted converted = imports.convert(pending,
                asked != null && validId(asked.quizId()) ? asked.quizId() : null);
        StudentVersion version = StudentVersion.of(converted.quiz(), StudentVersion.FILE_ORDER);
        model.addAttribute("pending", pending);
        model.addAttribute("converted", converted);
        model.addAttribute("form", asked != null ? asked : new ImportForm(converted.quiz().id(), false));
        model.addAttribute("refusal", error);
        model.addAttribute("folder", quizzes.dir().toString());
        model.addAttribute("sheet", sheets.forUnsavedQuiz(converted.quiz()));
        model.addAttribute("review", reviews.preview(version));
        return VIEW;
    }

    private static boolean validId(String id) {
        return id != null && id.matches("[a-z0-9][a-z0-9-]*") && id.length() <= 60;
    }
}
