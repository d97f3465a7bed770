package org.quizdesk.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import org.quizdesk.admin.ProctorForms.LogPageForm;
import org.quizdesk.attempt.ControlRoom;
import org.quizdesk.attempt.LiveStatus;
import org.quizdesk.quiz.CurrentQuiz;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * The proctor's control room: every rostered student's state, a page at a time. The page polls its board (the same
 * fragment) every few seconds with the last ETag; an unchanged quiz costs one aggregate query and a 304.
 */
@Controller
class LiveController {

    static final int PAGE_SIZE = 50;
    private static final String VIEW = "admin/live";

    private final QuizCatalog catalog;
    private final ControlRoom controlRoom;
    private final Clock clock;
    private final ProctorPanel panels;

    LiveController(QuizCatalog catalog, ControlRoom controlRoom, Clock clock, ProctorPanel panels) {
        this.panels = panels;
        this.catalog = catalog;
        this.controlRoom = controlRoom;
        this.clock = clock;
    }

    @GetMapping("/admin/quizzes/{quizId}/live")
    String live(@PathVariable String quizId, @Valid LiveFilter filter, @Valid LogPageForm logPage,
            BindingResult outOfDateLogPage, HttpServletRequest request, Model model) {
        CurrentQuiz quiz = catalog.currentOrThrow(quizId);
        model.addAttribute("quiz", quiz.quiz());
        model.addAttribute("panel", panels.quiz(quizId, outOfDateLogPage.hasErrors() ? 0 : logPage.page(), request.getRequestURI()));
        model.addAttribute("statuses", LiveStatus.values());
        model.addAttribute("sorts", ControlRoom.Sort.values());
        model.addAttribute("board", board(quizId, filter));
        return VIEW;
    }

    /** The board alone, for the page's poll: 304 while the quiz's version stamp (and this filter) is unchanged. */
    @GetMapping("/admin/quizzes/{quizId}/live/board")
    String board(@PathVariable String quizId, @Valid LiveFilter filter, WebRequest request, HttpServletResponse response,
            Model model) {
        catalog.currentOrThrow(quizId);
        // the filter is part of the URL, so the tag need only name the data; the stamp costs one aggregate query
        String etag = "\"" + controlRoom.counts(quizId).version() + "\"";
        response.setHeader("Cache-Control", "no-cache, private");
        if (request.checkNotModified(etag)) {
            return null;
        }
        model.addAttribute("board", board(quizId, filter));
        return VIEW + " :: board";
    }

    private LiveBoard board(String quizId, LiveFilter filter) {
        ControlRoom.Page page = controlRoom.page(quizId, filter.status(), filter.q(), filter.sort(), filter.page() - 1, PAGE_SIZE);
        return new LiveBoard(quizId, page, filter, clock.instant());
    }
}
