package org.quizdesk.export;

import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quizdesk.attempt.AttemptResults;
import org.quizdesk.attempt.AttemptSummary;
import org.quizdesk.attempt.ReviewSheets;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.stereotype.Service;

/** One attempt as the panel shows it: each question's answer, score, reasons and grader's comment. */
@Service
public class AttemptCsv {

    private final AttemptResults results;
    private final QuizCatalog catalog;

    AttemptCsv(AttemptResults results, QuizCatalog catalog) {
        this.results = results;
        this.catalog = catalog;
    }

    public void write(AttemptSummary attempt, Writer out) throws IOException {
        ReviewSheets.Review review = results.review(attempt.id()).orElseThrow();
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
        printer.printRecord("question", "answer", "score", "max", "reasons", "grader's comment", "key");
        for (Question question : catalog.version(attempt.versionId()).questions()) {
            ReviewSheets.QuestionReview q = review.question(question.id());
            if (q == null) {
                continue; // a pool's alternative this student did not draw
            }
            printer.printRecord(CsvCells.text(question.id()), CsvCells.text(q.blank() ? "" : q.answer()),
                    q.pending() ? "pending" : CsvCells.number(q.score()), CsvCells.number(q.max()),
                    CsvCells.text(String.join("; ", q.reasons())), CsvCells.text(q.overrideComment()), CsvCells.text(q.key()));
        }
        printer.printRecord("total", "", CsvCells.number(review.total()), CsvCells.number(review.max()),
                review.provisional() ? "provisional: some answers wait for a grader" : "", "", "");
        printer.flush();
    }
}
