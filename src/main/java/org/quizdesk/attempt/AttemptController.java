package org.quizdesk.attempt;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.List;
import org.quizdesk.account.SignedInUser;
import org.quizdesk.attempt.QuizSheet.QuestionView;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.quiz.AccessRules;
import org.quizdesk.quiz.CurrentQuiz;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The quiz page, its plain-form save and submit, and the review after submission. */
@Controller
class AttemptController {

    private final AttemptService attempts;
    private final QuizSheets sheets;
    private final QuizPageSections sections;
    private final ReviewSheets reviews;
    private final QuizCatalog catalog;
    private final AttemptProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    AttemptController(AttemptService attempts, QuizSheets sheets, QuizPageSections sections, ReviewSheets reviews, QuizCatalog catalog,
            AttemptProperties properties, JsonMapper json, Clock clock) {
        this.attempts = attempts;
        this.sheets = sheets;
        this.sections = sections;
        this.reviews = reviews;
        this.catalog = catalog;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/attempts/{id}")
    String quizPage(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Attempt attempt = mine(id, user);
        if (!attempts.takesWork(attempt)) {
            return "redirect:/attempts/" + id + "/review";
        }
        QuizSheet sheet = sheets.forAttempt(attempt.getVersionId(), attempt.getVersionSeed());
        FormAnswers.Prefill prefill = FormAnswers.Prefill.of(attempts.answers(attempt));
        model.addAttribute("attempt", attempt);
        model.addAttribute("sheet", sheet);
        model.addAttribute("prefill", prefill);
        if (prefill.isEmpty() && sheets.sameForEveryStudent(attempt.getVersionId())) {
            model.addAttribute("sectionsHtml", sections.blank(sheet, prefill, locale, request, response));
        }
        model.addAttribute("serverNow", clock.millis());
        model.addAttribute("autosaveMillis", properties.autosaveInterval().toMillis());
        model.addAttribute("livePollMillis", properties.livePollInterval().toMillis());
        model.addAttribute("fullName", user.fullName());
        return "attempt/take";
    }

    /** The no-JavaScript save: the whole form, then back to the page (or on to the submit confirmation). */
    @PostMapping("/attempts/{id}/save")
    String save(@PathVariable long id, SaveForm form, BindingResult unknownButton, @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request, RedirectAttributes redirect) {
        // a button value the page does not send saves and stays, like "Save answers"
        Attempt attempt = mine(id, user);
        try {
            attempts.save(id, user.accountId(), formJson(attempt, request), AccessRequest.of(request));
        } catch (AttemptRefused refused) {
            // an access refusal answers with its page (403), a busy node with 503: the browser's Back keeps what the form held
            if (refused.why() == AttemptRefused.Why.INVALID_ANSWERS || refused.why() == AttemptRefused.Why.TOO_LARGE
                    || refused.why() == AttemptRefused.Why.BUSY || refused.byAccessRule()) {
                throw refused;
            }
            redirect.addFlashAttribute("error", refused.pageMessage());
            return "redirect:/attempts/" + id + "/review";
        }
        if (form.next() == SaveForm.Next.SUBMIT) {
            return "redirect:/attempts/" + id + "/submit";
        }
        redirect.addFlashAttribute("message", new DefaultMessageSourceResolvable(new String[] {"attempt.saved"}, "Your answers are saved."));
        return "redirect:/attempts/" + id;
    }

    @GetMapping("/attempts/{id}/submit")
    String confirmSubmit(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        Attempt attempt = mine(id, user);
        if (attempt.isSubmitted()) {
            return "redirect:/attempts/" + id + "/review";
        }
        QuizSheet sheet = sheets.forAttempt(attempt.getVersionId(), attempt.getVersionSeed());
        FormAnswers.Prefill prefill = FormAnswers.Prefill.of(attempts.answers(attempt));
        List<QuestionView> unanswered = sheet.questions().stream().filter(q -> !prefill.answered(q.id())).toList();
        model.addAttribute("attempt", attempt);
        model.addAttribute("sheet", sheet);
        model.addAttribute("unanswered", unanswered);
        model.addAttribute("serverNow", clock.millis());
        return "attempt/confirm";
    }

    @PostMapping("/attempts/{id}/submit")
    String submit(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            attempts.submit(id, user.accountId(), null, AccessRequest.of(request));
            redirect.addFlashAttribute("message", new DefaultMessageSourceResolvable(new String[] {"attempt.submitted"}, "Your quiz is submitted."));
        } catch (AttemptRefused refused) {
            if (refused.why() == AttemptRefused.Why.NOT_FOUND || refused.byAccessRule()) {
                throw refused;
            }
            redirect.addFlashAttribute("error", refused.pageMessage());
        }
        return "redirect:/attempts/" + id + "/review";
    }

    @GetMapping("/attempts/{id}/review")
    String review(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Locale locale, Model model) {
        Attempt attempt = mine(id, user);
        if (!attempt.isSubmitted()) {
            if (attempts.takesWork(attempt)) {
                return "redirect:/attempts/" + id;
            }
            // time ran out and the server has not got to it yet: do it now rather than show a limbo page
            attempts.submitAndGrade(id, SubmittedBy.DEADLINE);
            attempt = mine(id, user);
        }
        CurrentQuiz quiz = catalog.currentOrThrow(attempt.getQuizId());
        model.addAttribute("attempt", attempt);
        model.addAttribute("sheet", sheets.forAttempt(attempt.getVersionId(), attempt.getVersionSeed()));
        model.addAttribute("released", quiz.settings().isScoresReleased());
        AccessRules access = quiz.settings().getAccess();
        // SEB's quit link ends the locked-down session once the quiz is handed in
        model.addAttribute("sebQuitUrl", access.requiresSafeExamBrowser() ? access.sebQuitUrl() : null);
        if (quiz.settings().isScoresReleased()) {
            model.addAttribute("review", reviews.review(attempt, quiz.settings().isSolutionsReleased(), locale));
        }
        return "attempt/review";
    }

    private Attempt mine(long id, SignedInUser user) {
        return attempts.find(id, user.accountId()).orElseThrow(AttemptRefused::notFound);
    }

    private String formJson(Attempt attempt, HttpServletRequest request) {
        QuizSheet sheet = sheets.forAttempt(attempt.getVersionId(), attempt.getVersionSeed());
        return json.writeValueAsString(FormAnswers.fromForm(sheet.questions(), request.getParameterMap()));
    }
}
