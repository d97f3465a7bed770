package org.quizdesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.Role;
import org.quizdesk.account.internal.AccountRepository;
import org.quizdesk.account.internal.AccountRow;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A class of 10,000 exported row by row: prints time and heap figures (never asserted: the machine is shared) and
 * checks that every student is written while the writer only ever sees rows, not a whole file.
 */
@SpringBootTest(properties = "quizdesk.roster.setup-code-lifetime=15d") // its own context: 10,000 students stay here
@ActiveProfiles("test")
class ResultsCsvBenchmarkTest {

    static final int STUDENTS = 10_000;
    static final int ATTEMPTS = 200;

    @Autowired AccountRepository accounts;
    @Autowired AttemptService attempts;
    @Autowired QuizCatalog catalog;
    @Autowired ResultsCsv csv;
    @Autowired Clock clock;

    @Test
    void exportsTenThousandStudentsRowByRow() throws Exception {
        List<AccountRow> batch = new ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) {
            batch.add(new AccountRow(String.format("bench%05d", i), "Student " + i, "b" + i + "@uw.edu", i % 2 == 0 ? "AA" : "AB",
                    Role.STUDENT, clock.instant()));
            if (batch.size() == 1000) {
                accounts.saveAll(batch);
                batch.clear();
            }
        }
        List<AccountRow> some = accounts.findByRoleOrderByUsernameAsc(Role.STUDENT, org.springframework.data.domain.PageRequest.of(0, ATTEMPTS));
        for (AccountRow student : some) {
            var attempt = attempts.start("cse493g1-au24-quiz2", student.getId(), student.getFullName());
            attempts.submit(attempt.getId(), student.getId(), "{\"1.1\": false, \"2.1\": [\"A\", \"C\"]}");
        }
        Quiz quiz = catalog.current("cse493g1-au24-quiz2").orElseThrow().quiz();

        CountingWriter out = new CountingWriter();
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        csv.writeResults(quiz, out);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long heapAfter = runtime.totalMemory() - runtime.freeMemory();

        assertThat(out.lines).isEqualTo(STUDENTS + 1L);
        assertThat(out.largestWrite).as("the writer gets cells, never the file at once").isLessThan(10_000);
        System.out.printf("Results CSV: %d students (%d with attempts), %d characters in %d ms; heap %d MB before, %d MB after "
                + "(not asserted)%n", STUDENTS, ATTEMPTS, out.chars, millis, heapBefore >> 20, heapAfter >> 20);
    }

    /** Counts what is written and forgets it, so that only the exporter's own memory use remains. */
    static final class CountingWriter extends Writer {
        long chars;
        long lines;
        int largestWrite;

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars += length;
            largestWrite = Math.max(largestWrite, length);
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void write(String text, int offset, int length) {
            chars += length;
            largestWrite = Math.max(largestWrite, length);
            for (int i = offset; i < offset + length; i++) {
                if (text.charAt(i) == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
