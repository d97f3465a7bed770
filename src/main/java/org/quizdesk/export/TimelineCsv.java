package org.quizdesk.export;

import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quizdesk.attempt.AttemptEvidence;
import org.quizdesk.attempt.EvidenceKind;
import org.springframework.stereotype.Service;

/**
 * An attempt's evidence timeline as its own file, one entry a row (a file of its own rather than columns of the
 * attempt CSV, whose rows are questions): at, kind, saves, detail; the start's place and User-Agent first.
 */
@Service
public class TimelineCsv {

    public void write(AttemptEvidence.Timeline timeline, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
        printer.printRecord("at", "kind", "saves", "detail");
        AttemptEvidence.Start start = timeline.start();
        printer.printRecord("", "START_PLACE", "", CsvCells.text(join(start.address(), start.browser())));
        printer.printRecord("", "START_USER_AGENT", "", CsvCells.text(start.userAgent()));
        for (AttemptEvidence.Entry entry : timeline.entries()) {
            printer.printRecord(CsvCells.time(entry.at()), entry.kind().name(),
                    entry.kind() == EvidenceKind.SAVES ? String.valueOf(entry.saves()) : "", CsvCells.text(entry.detail()));
        }
        printer.flush();
    }

    private static String join(String address, String browser) {
        if (address == null) {
            return browser;
        }
        return browser == null ? address : address + " " + browser;
    }
}
