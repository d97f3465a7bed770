package org.quizdesk.attempt;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quizdesk.account.SignedInUser;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.quiz.CurrentQuiz;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.QuizNotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The student's quiz list and the honor-code page that starts an attempt. */
@Controller
class StudentQuizController {

    private final QuizCatalog catalog;
    private final AttemptService attempts;
    private final QuizSheets sheets;
    private final Clock clock;

    StudentQuizController(QuizCatalog catalog, AttemptService attempts, QuizSheets sheets, Clock clock) {
        this.catalog = catalog;
        this.attempts = attempts;
        this.sheets = sheets;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser user) {
        return user.role().isStaff() ? "redirect:/admin" : "redirect:/quizzes";
    }

    @GetMapping("/quizzes")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        Instant now = clock.instant();
        Map<String, Attempt> mine = attempts.attemptsOf(user.accountId()).stream()
                .collect(Collectors.toMap(Attempt::getQuizId, Function.identity()));
        List<CurrentQuiz> quizzes = catalog.all().stream()
                .filter(q -> q.settings().isPublished() || mine.containsKey(q.id()))
                .toList();
        Map<String, StudentWindow> windows = attempts.windowsFor(quizzes.stream().map(CurrentQuiz::settings).toList(), user.accountId());
        List<StudentQuizRow> rows = quizzes.stream()
                .map(q -> row(q, mine.get(q.id()), windows.get(q.id()), now))
                .sorted(Comparator.comparing(StudentQuizRow::title))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("now", now);
        return "attempt/list";
    }

    private StudentQuizRow row(CurrentQuiz quiz, Attempt attempt, StudentWindow window, Instant now) {
        StudentQuizRow.State state;
        if (attempt == null) {
            state = window.isOpenAt(now) ? StudentQuizRow.State.OPEN
                    : window.notYetOpenAt(now) ? StudentQuizRow.State.NOT_OPEN_YET : StudentQuizRow.State.CLOSED;
        } else if (!attempt.isSubmitted()) {
            state = StudentQuizRow.State.IN_PROGRESS;
        } else {
            state = quiz.settings().isScoresReleased() ? StudentQuizRow.State.RELEASED : StudentQuizRow.State.SUBMITTED;
        }
        boolean released = state == StudentQuizRow.State.RELEASED;
        return new StudentQuizRow(quiz.id(), quiz.quiz().title(), quiz.quiz().course(),
                quiz.settings().timeLimitOr(quiz.quiz().timeLimit()), quiz.quiz().maxPoints(), state,
                window.opens(), window.closes(), attempt == null ? null : attempt.getId(),
                attempt == null ? null : attempt.getDeadline(),
                released ? attempt.getTotal() : null,
                released && attempt.getPendingCount() != null && attempt.getPendingCount() > 0);
    }

    @GetMapping("/quizzes/{quizId}")
    String honorCode(@PathVariable String quizId, @AuthenticationPrincipal SignedInUser user, Model model,
            HttpServletRequest request) {
        var existing = attempts.find(quizId, user.accountId());
        if (existing.isPresent()) {
            return "redirect:/attempts/" + existing.get().getId();
        }
        return honorCodePage(quizId, user, model, request);
    }

    private String honorCodePage(String quizId, SignedInUser user, Model model, HttpServletRequest request) {
        CurrentQuiz quiz = catalog.currentOrThrow(quizId);
        if (!quiz.settings().isPublished()) {
            // a hidden quiz answers as if it did not exist
            throw new QuizNotFound(quizId);
        }
        StudentWindow window = attempts.windowFor(quiz.settings(), user.accountId());
        Instant now = clock.instant();
        model.addAttribute("quiz", HonorCodeSummary.of(sheets.forVersion(quiz.versionId())));
        model.addAttribute("timeLimit", quiz.settings().timeLimitOr(quiz.quiz().timeLimit()));
        model.addAttribute("window", window);
        model.addAttribute("open", window.isOpenAt(now));
        // early for a quiz that opens at a set time: the student reads and signs now, and the page's Start button
        // becomes available at the opening, counted on the server's clock (start.js)
        model.addAttribute("waiting", window.notYetOpenAt(now));
        model.addAttribute("serverNow", now.toEpochMilli());
        model.addAttribute("fullName", user.fullName());
        model.addAttribute("minSignature", HonorCodeForm.MIN_SIGNATURE);
        model.addAttribute("maxSignature", HonorCodeForm.MAX_SIGNATURE);
        model.addAttribute("asksForCode", quiz.settings().getAccess().asksForCode());
        // said before the student signs, rather than after pressing Start (the page's own URL is hashed by SEB too)
        if (!model.containsAttribute("error")) {
            attempts.placeProblem(quiz.settings(), AccessRequest.of(request))
                    .ifPresent(problem -> model.addAttribute("error", problem.pageMessage()));
        }
        return "attempt/start";
    }

    @PostMapping("/quizzes/{quizId}/start")
    String start(@PathVariable String quizId, @Valid HonorCodeForm form, BindingResult errors,
            @AuthenticationPrincipal SignedInUser user, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            // the page again, with the reason, as a 400: nothing reaches the database
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", errors.getAllErrors().get(0).getDefaultMessage());
            return honorCodePage(quizId, user, model, request);
        }
        try {
            Attempt attempt = attempts.start(quizId, user.accountId(), form.signature(), form.accessCode(), AccessRequest.of(request));
            return "redirect:/attempts/" + attempt.getId();
        } catch (AttemptRefused refused) {
            if (refused.why() == AttemptRefused.Why.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("error", refused.pageMessage());
            return "redirect:/quizzes/" + quizId;
        }
    }
}
