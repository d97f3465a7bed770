package org.quizdesk.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.quizdesk.attempt.AttemptNotFound;
import org.quizdesk.attempt.AttemptEvidence;
import org.quizdesk.attempt.AttemptResults;
import org.quizdesk.attempt.AttemptSummary;
import org.quizdesk.quiz.CurrentQuiz;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** CSV downloads for course staff (TAs included), written straight to the response as rows are read. */
@Controller
class ExportController {

    private final QuizCatalog catalog;
    private final ResultsCsv resultsCsv;
    private final AttemptCsv attemptCsv;
    private final AttemptResults attempts;
    private final AttemptEvidence evidence;
    private final TimelineCsv timelineCsv;

    ExportController(QuizCatalog catalog, ResultsCsv resultsCsv, AttemptCsv attemptCsv, AttemptResults attempts,
            AttemptEvidence evidence, TimelineCsv timelineCsv) {
        this.catalog = catalog;
        this.resultsCsv = resultsCsv;
        this.attemptCsv = attemptCsv;
        this.attempts = attempts;
        this.evidence = evidence;
        this.timelineCsv = timelineCsv;
    }

    @GetMapping("/admin/quizzes/{quizId}/results.csv")
    void results(@PathVariable String quizId, HttpServletResponse response) throws IOException {
        CurrentQuiz quiz = quiz(quizId);
        resultsCsv.writeResults(quiz.quiz(), start(response, quizId + "-results.csv"));
    }

    @GetMapping("/admin/quizzes/{quizId}/canvas.csv")
    void canvas(@PathVariable String quizId, HttpServletResponse response) throws IOException {
        CurrentQuiz quiz = quiz(quizId);
        resultsCsv.writeCanvas(quiz.quiz(), start(response, quizId + "-canvas.csv"));
    }

    @GetMapping("/admin/quizzes/{quizId}/attempts/{attemptId}.csv")
    void attempt(@PathVariable String quizId, @PathVariable long attemptId, HttpServletResponse response) throws IOException {
        AttemptSummary attempt = attempts.find(attemptId).filter(a -> a.quizId().equals(quizId))
                .orElseThrow(() -> new AttemptNotFound(attemptId));
        attemptCsv.write(attempt, start(response, quizId + "-attempt-" + attemptId + ".csv"));
    }

    /** The attempt's evidence timeline, also while it is in progress. */
    @GetMapping("/admin/attempts/{attemptId}/timeline.csv")
    void timeline(@PathVariable long attemptId, HttpServletResponse response) throws IOException {
        AttemptEvidence.Timeline timeline = evidence.timeline(attemptId)
                .orElseThrow(() -> new AttemptNotFound(attemptId));
        timelineCsv.write(timeline, start(response, "attempt-" + attemptId + "-timeline.csv"));
    }

    private CurrentQuiz quiz(String quizId) {
        return catalog.currentOrThrow(quizId);
    }

    private static Writer start(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // the quiz id is a slug, so the file name needs no quoting beyond this
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        // a CSV printer writes every cell and comma on its own, and each write to the response's writer passes the
        // security and session wrappers' checks: buffered, a 10,000-row export is a few hundred writes (each CSV
        // writer flushes at its end)
        return new BufferedWriter(response.getWriter(), 16 * 1024);
    }
}
