package org.quizdesk.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.quizdesk.account.AccountService;
import org.quizdesk.attempt.AttemptResult;
import org.quizdesk.attempt.AttemptResults;
import org.quizdesk.attempt.AttemptSummary;
import org.quizdesk.attempt.QuizSheet;
import org.quizdesk.attempt.QuizSheets;
import org.quizdesk.attempt.ReviewSheets;
import org.quizdesk.quiz.CurrentQuiz;
import org.quizdesk.quiz.Item;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.QuizNotFound;
import org.quizdesk.quiz.StudentVersion;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Any student's version of a quiz as they see it, with the key and solutions, and answers tried in it scored: for
 * course staff only (the {@code /admin/**} rule), TAs included.
 */
@Controller
class PreviewController {

    private static final String VIEW = "admin/preview";

    private final QuizCatalog catalog;
    private final QuizSheets sheets;
    private final ReviewSheets reviews;
    private final AccountService accounts;
    private final AttemptResults attempts;
    private final PreviewScoring scoring;
    private final SecureRandom random = new SecureRandom();

    PreviewController(QuizCatalog catalog, QuizSheets sheets, ReviewSheets reviews, AccountService accounts,
            AttemptResults attempts, PreviewScoring scoring) {
        this.scoring = scoring;
        this.catalog = catalog;
        this.sheets = sheets;
        this.reviews = reviews;
        this.accounts = accounts;
        this.attempts = attempts;
    }

    /** The drawn alternatives of one pool in this version, for the page's summary. */
    record Drawn(String poolId, int pick, int alternatives, List<String> drawn) {
    }

    @GetMapping("/admin/quizzes/{quizId}/preview")
    String preview(@PathVariable String quizId, @Valid PreviewForm form, BindingResult invalid,
            @RequestParam(name = "answer", defaultValue = "false") boolean answering, Model model) {
        show(quizId, form, invalid, model);
        // read-only unless staff switch to trying answers
        model.addAttribute("answering", answering);
        return VIEW;
    }

    /**
     * The answers typed into the preview, scored as a submitted attempt of this version would be, and shown with the
     * same page (answers filled in again). Nothing is written: no attempt is created.
     */
    @PostMapping("/admin/quizzes/{quizId}/preview")
    String score(@PathVariable String quizId, @Valid PreviewForm form, BindingResult invalid, HttpServletRequest request,
            Model model) {
        Shown shown = show(quizId, form, invalid, model);
        PreviewScoring.Scored scored = scoring.score(shown.version(), shown.sheet(), request.getParameterMap());
        model.addAttribute("score", scored.score());
        model.addAttribute("prefill", scored.prefill());
        model.addAttribute("refusal", scored.refusal());
        model.addAttribute("answering", true);
        return VIEW;
    }

    private record Shown(StudentVersion version, QuizSheet sheet) {
    }

    private Shown show(String quizId, PreviewForm form, BindingResult invalid, Model model) {
        CurrentQuiz current = catalog.currentOrThrow(quizId);
        long versionId = current.versionId();
        long seed = StudentVersion.FILE_ORDER;
        if (!invalid.hasErrors() && form.student() != null) {
            Optional<AttemptSummary> attempt = attemptOf(quizId, form.student());
            if (attempt.isPresent()) {
                versionId = attempt.get().versionId();
                seed = attempt.get().versionSeed();
                model.addAttribute("studentAttempt", attempt.get());
            } else {
                model.addAttribute("noAttempt", form.student());
            }
        } else if (!invalid.hasErrors()) {
            if (form.version() != null) {
                versionId = form.version();
            }
            if (form.seed() != null) {
                seed = form.seed();
            }
        }
        Quiz file = catalog.version(versionId);
        if (!file.id().equals(quizId)) {
            throw new QuizNotFound(quizId); // a version of another quiz, typed into the address
        }
        StudentVersion version = StudentVersion.of(file, seed);
        model.addAttribute("quizId", quizId);
        model.addAttribute("form", form);
        model.addAttribute("invalid", invalid.hasErrors());
        model.addAttribute("seed", seed);
        model.addAttribute("versionId", versionId);
        model.addAttribute("olderVersion", versionId != current.versionId());
        model.addAttribute("randomSeed", StudentVersion.newSeed(random));
        model.addAttribute("drawn", file.pools().stream().map(pool -> new Drawn(pool.id(), pool.pick(),
                pool.alternatives().size(), version.drawn(pool).stream().map(Item::id).toList())).toList());
        QuizSheet sheet = sheets.forAttempt(versionId, seed);
        model.addAttribute("sheet", sheet);
        model.addAttribute("review", reviews.preview(version));
        return new Shown(version, sheet);
    }

    private Optional<AttemptSummary> attemptOf(String quizId, String netId) {
        return accounts.findByUsername(netId)
                .flatMap(account -> Optional.ofNullable(attempts.ofStudents(quizId, List.of(account.id())).get(account.id())))
                .map(AttemptResult::attempt);
    }
}
