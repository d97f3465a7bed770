package org.quizdesk.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.Quiz;
import org.springframework.stereotype.Service;

/**
 * The results of a quiz as CSV (RFC 4180, UTF-8), one row per rostered student, written row by row as the students
 * are read: the full export, and a variant a Canvas gradebook import accepts.
 */
@Service
public class ResultsCsv {

    static final List<String> FIXED_COLUMNS = List.of("net id", "name", "email", "section", "status", "started",
            "submitted", "minutes late", "total", "max");
    /** Flush after this many rows so the download starts at once and the response buffer stays small. */
    private static final int FLUSH_EVERY = 200;

    private final ResultsReader results;

    ResultsCsv(ResultsReader results) {
        this.results = results;
    }

    public void writeResults(Quiz quiz, Writer out) throws IOException {
        List<String> questionIds = quiz.questions().stream().map(Question::id).toList();
        List<String> header = new ArrayList<>(FIXED_COLUMNS);
        header.addAll(questionIds);
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
        printer.printRecord(header.stream().map(CsvCells::text).toList());
        int[] count = {0};
        results.forEach(quiz.id(), row -> {
            List<String> cells = new ArrayList<>(header.size());
            cells.add(CsvCells.text(row.netId()));
            cells.add(CsvCells.text(row.fullName()));
            cells.add(CsvCells.text(row.email()));
            cells.add(CsvCells.text(row.section()));
            cells.add(row.status().label());
            cells.add(CsvCells.time(row.startedAt()));
            cells.add(CsvCells.time(row.submittedAt()));
            cells.add(row.started() ? String.valueOf(row.minutesLate()) : "");
            cells.add(CsvCells.number(row.total()));
            cells.add(CsvCells.number(row.started() ? row.max() : quiz.maxPoints()));
            for (String questionId : questionIds) {
                cells.add(CsvCells.number(row.score(questionId)));
            }
            print(printer, cells, ++count[0]);
        });
        printer.flush();
    }

    /**
     * Canvas's gradebook import: Student, ID, SIS User ID, SIS Login ID, Section, then the assignment column, with a
     * "Points Possible" row first. Canvas matches students by SIS Login ID here (the net id); ID is left blank.
     */
    public void writeCanvas(Quiz quiz, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
        String assignment = CsvCells.text(quiz.title() + " (" + quiz.id() + ")");
        printer.printRecord("Student", "ID", "SIS User ID", "SIS Login ID", "Section", assignment);
        printer.printRecord("Points Possible", "", "", "", "", CsvCells.number(quiz.maxPoints()));
        int[] count = {0};
        results.forEach(quiz.id(), row -> print(printer, List.of(CsvCells.text(row.fullName()), "", "",
                CsvCells.text(row.netId()), CsvCells.text(row.section()), CsvCells.number(row.total())), ++count[0]));
        printer.flush();
    }

    private static void print(CSVPrinter printer, List<String> cells, int count) {
        try {
            printer.printRecord(cells);
            if (count % FLUSH_EVERY == 0) {
                printer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
