package org.quizdesk.admin;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.SignedInUser;
import org.quizdesk.attempt.AttemptNotFound;
import org.quizdesk.attempt.AttemptEvidence;
import org.quizdesk.attempt.AttemptResults;
import org.quizdesk.attempt.AttemptSummary;
import org.quizdesk.attempt.QuizSheets;
import org.quizdesk.attempt.ScoreBook;
import org.quizdesk.attempt.ResultStatus;
import org.quizdesk.attempt.ResultsQuery;
import org.quizdesk.export.ResultsPage;
import org.quizdesk.export.ResultRow;
import org.quizdesk.export.ResultsReader;
import org.quizdesk.lti.ScorePassback;
import org.quizdesk.quiz.CurrentQuiz;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.QuizRubrics;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A quiz's results table, one attempt's page with its scores and history, and a grader's override. */
@Controller
class ResultsController {

    /** Rows on a page of the results table. */
    static final int PAGE_SIZE = 50;

    private final QuizCatalog catalog;
    private final ResultsReader results;
    private final AttemptResults attempts;
    private final AccountService accounts;
    private final QuizSheets sheets;
    private final ScoreBook scoreBook;
    private final AttemptEvidence evidence;
    private final ScorePassback passback;

    ResultsController(QuizCatalog catalog, ResultsReader results, AttemptResults attempts, AccountService accounts,
            QuizSheets sheets, ScoreBook scoreBook, AttemptEvidence evidence, ScorePassback passback) {
        this.catalog = catalog;
        this.results = results;
        this.attempts = attempts;
        this.accounts = accounts;
        this.sheets = sheets;
        this.scoreBook = scoreBook;
        this.evidence = evidence;
        this.passback = passback;
    }

    @GetMapping("/admin/quizzes/{quizId}/results")
    String results(@PathVariable String quizId, @Valid ResultsFilter filter, BindingResult refused, Model model) {
        // a choice the form does not offer (an edited address) reads as no choice, a search or page out of bounds is
        // named and left out: the table is shown all the same, and the search stays in its box
        CurrentQuiz quiz = catalog.currentOrThrow(quizId);
        boolean searchRefused = refused.hasFieldErrors("q");
        int page = refused.hasFieldErrors("page") ? 0 : filter.page() - 1;
        ResultsPage shown = results.page(quizId, filter.query(searchRefused), page, PAGE_SIZE);
        if (shown.rows().isEmpty() && shown.page() > 0 && shown.matching() > 0) {
            // past the last page (the class shrank, or an edited address): the last page
            shown = results.page(quizId, filter.query(searchRefused), shown.pages() - 1, PAGE_SIZE);
        }
        model.addAttribute("quiz", quiz.quiz());
        model.addAttribute("questionIds", quiz.quiz().questions().stream().map(Question::id).toList());
        model.addAttribute("results", shown);
        model.addAttribute("rows", shown.rows());
        // the LMS column, only for a quiz linked to a gradebook column
        model.addAttribute("passback", passback.ofStudents(quizId, shown.rows().stream().map(ResultRow::accountId).toList(),
                shown.rows().stream().filter(r -> r.submittedAt() != null).map(ResultRow::accountId).toList()).orElse(null));
        model.addAttribute("refused", refused.getFieldErrors().stream()
                .filter(e -> !e.isBindingFailure()).map(e -> e.getDefaultMessage()).toList());
        model.addAttribute("sections", accounts.studentSections());
        model.addAttribute("statuses", ResultStatus.values());
        model.addAttribute("filter", filter);
        model.addAttribute("section", filter.section());
        model.addAttribute("status", filter.status() == null ? "" : filter.status().name());
        model.addAttribute("sort", filter.sort().name().toLowerCase(Locale.ROOT));
        model.addAttribute("dir", filter.dir().param());
        model.addAttribute("sorts", Stream.of(ResultsQuery.Order.values()).map(o -> o.name().toLowerCase(Locale.ROOT)).toList());
        return "admin/results";
    }

    @GetMapping("/admin/attempts/{attemptId}")
    String attempt(@PathVariable long attemptId, Model model) {
        AttemptSummary attempt = attempts.find(attemptId)
                .orElseThrow(() -> new AttemptNotFound(attemptId));
        Account student = accounts.find(attempt.accountId()).orElseThrow();
        List<ScoreBook.Change> history = scoreBook.history(attemptId);
        Set<Long> staffIds = history.stream().map(ScoreBook.Change::changedBy).collect(Collectors.toSet());
        Map<Long, String> staffNames = accounts.findAll(staffIds).values().stream()
                .collect(Collectors.toMap(Account::id, Account::fullName));
        model.addAttribute("attempt", attempt);
        model.addAttribute("student", student);
        model.addAttribute("quizTitle", catalog.version(attempt.versionId()).title());
        model.addAttribute("sheet", sheets.forAttempt(attempt.versionId(), attempt.versionSeed()));
        model.addAttribute("review", attempt.submitted() ? attempts.review(attemptId).orElseThrow() : null);
        model.addAttribute("history", history);
        model.addAttribute("timeline", evidence.timeline(attemptId).orElseThrow());
        model.addAttribute("staffNames", staffNames);
        model.addAttribute("manual", catalog.version(attempt.versionId()).questions().stream()
                .filter(QuizRubrics::handGraded).map(Question::id).collect(Collectors.toSet()));
        return "admin/attempt";
    }

    @PostMapping("/admin/attempts/{attemptId}/override")
    String override(@PathVariable long attemptId, @Valid OverrideForm form, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        try {
            scoreBook.override(attemptId, form.questionId(), FormFields.number(form.score()), form.comment(), user.accountId());
            redirect.addFlashAttribute("message", "Question " + form.questionId() + " is now worth " + form.score().strip() + ".");
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/attempts/" + attemptId + "#q-" + form.questionId();
    }

}
