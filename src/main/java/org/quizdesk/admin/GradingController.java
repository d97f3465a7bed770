package org.quizdesk.admin;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.quizdesk.account.SignedInUser;
import org.quizdesk.attempt.AttemptNotFound;
import org.quizdesk.attempt.AttemptResults;
import org.quizdesk.attempt.AttemptSummary;
import org.quizdesk.attempt.ScoreBook;
import org.quizdesk.grading.Answer;
import org.quizdesk.grading.HandGrade;
import org.quizdesk.quiz.CurrentQuiz;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.QuizMarkdown;
import org.quizdesk.quiz.QuizRubrics;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

/**
 * The hand-grading queue: one answer at a time, without the student's name (so the grade is about the answer),
 * rubric items as toggles with keyboard shortcuts, an adjustment with a comment, and the progress.
 */
@Controller
class GradingController {

    private final QuizCatalog catalog;
    private final ScoreBook grading;
    private final AttemptResults attempts;
    private final QuizRubrics rubrics;
    private final QuizMarkdown markdown;

    GradingController(QuizCatalog catalog, ScoreBook grading, AttemptResults attempts, QuizRubrics rubrics,
            QuizMarkdown markdown) {
        this.catalog = catalog;
        this.grading = grading;
        this.attempts = attempts;
        this.rubrics = rubrics;
        this.markdown = markdown;
    }

    record QueueRow(ShortAnswerQuestion question, ScoreBook.Progress progress) {
    }

    @InitBinder("rubricPointsForm")
    void checkTypedFields(WebDataBinder binder) {
        binder.addValidators(FormFields.CHECK);
    }

    @GetMapping("/admin/quizzes/{quizId}/grading")
    String queues(@PathVariable String quizId, Model model) {
        CurrentQuiz quiz = catalog.currentOrThrow(quizId);
        model.addAttribute("quiz", quiz.quiz());
        model.addAttribute("queues", grading.handGradedQuestions(quizId).stream()
                .map(q -> new QueueRow(q, grading.progress(quizId, q.id()))).toList());
        return "admin/queues";
    }

    /** Straight to the next answer that waits for a grader. */
    @GetMapping("/admin/quizzes/{quizId}/grading/{questionId}")
    String next(@PathVariable String quizId, @PathVariable String questionId,
            @RequestParam(defaultValue = "0") long after, RedirectAttributes redirect) {
        question(quizId, questionId);
        Optional<Long> next = grading.nextPending(quizId, questionId, after);
        if (next.isEmpty()) {
            redirect.addFlashAttribute("message", "Every answer to " + questionId + " is graded.");
            return "redirect:/admin/quizzes/" + quizId + "/grading";
        }
        return "redirect:/admin/quizzes/" + quizId + "/grading/" + questionId + "/" + next.get();
    }

    @GetMapping("/admin/quizzes/{quizId}/grading/{questionId}/{attemptId}")
    String answer(@PathVariable String quizId, @PathVariable String questionId, @PathVariable long attemptId, Model model) {
        ShortAnswerQuestion question = rubrics.effective(quizId, question(quizId, questionId));
        AttemptSummary attempt = attempts.find(attemptId).filter(a -> a.quizId().equals(quizId) && a.submitted())
                .orElseThrow(() -> new AttemptNotFound(attemptId));
        List<Long> queue = grading.queue(quizId, questionId);
        int position = queue.indexOf(attemptId);
        Optional<String> answer = attempts.answers(attemptId).orElseThrow().get(questionId)
                .filter(a -> a instanceof Answer.Text).map(a -> ((Answer.Text) a).value());
        model.addAttribute("quizId", quizId);
        model.addAttribute("question", question);
        model.addAttribute("promptHtml", markdown.html(question.prompt()));
        model.addAttribute("solutionHtml", markdown.html(question.solution()));
        model.addAttribute("attempt", attempt);
        model.addAttribute("answer", answer.orElse(null));
        model.addAttribute("stored", grading.handGrade(attemptId, questionId).orElse(null));
        model.addAttribute("progress", grading.progress(quizId, questionId));
        model.addAttribute("position", position + 1);
        model.addAttribute("previous", position > 0 ? queue.get(position - 1) : null);
        model.addAttribute("following", position >= 0 && position + 1 < queue.size() ? queue.get(position + 1) : null);
        return "admin/grade";
    }

    @PostMapping("/admin/quizzes/{quizId}/grading/{questionId}/{attemptId}")
    String grade(@PathVariable String quizId, @PathVariable String questionId, @PathVariable long attemptId,
            @Valid GradeForm form, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            BigDecimal adjust = form.adjustment().isBlank() ? BigDecimal.ZERO : FormFields.number(form.adjustment());
            grading.grade(attemptId, questionId, new HandGrade(form.item(), adjust, form.comment()), user.accountId());
            redirect.addFlashAttribute("message", "Saved the grade of answer " + attemptId + ".");
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/admin/quizzes/" + quizId + "/grading/" + questionId + "/" + attemptId;
        }
        return "redirect:/admin/quizzes/" + quizId + "/grading/" + questionId + "?after=" + attemptId;
    }

    @PostMapping("/admin/quizzes/{quizId}/grading/{questionId}/rubric/{itemId}")
    String rubricPoints(@PathVariable String quizId, @PathVariable String questionId, @PathVariable String itemId,
            @Valid RubricPointsForm form, BindingResult result, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute("error", FormFields.firstMessage(result));
        } else {
            try {
                int rescored = grading.changeRubricPoints(quizId, questionId, itemId, form.value(), user.accountId());
                redirect.addFlashAttribute("message", "Rubric item changed; " + rescored + " answer(s) re-scored.");
            } catch (IllegalArgumentException refused) {
                redirect.addFlashAttribute("error", refused.getMessage());
            }
        }
        return form.back() > 0 ? "redirect:/admin/quizzes/" + quizId + "/grading/" + questionId + "/" + form.back()
                : "redirect:/admin/quizzes/" + quizId + "/grading";
    }

    private ShortAnswerQuestion question(String quizId, String questionId) {
        return grading.handGradedQuestions(quizId).stream().filter(q -> q.id().equals(questionId)).findFirst()
                .orElseThrow(() -> new NotHandGraded(questionId));
    }

    /** The address names a question that is not graded by hand in this quiz: 404 by {@link AdminErrors}. */
    static class NotHandGraded extends RuntimeException {
        NotHandGraded(String questionId) {
            super("Question " + questionId + " is not graded by hand in this quiz.");
        }
    }
}
