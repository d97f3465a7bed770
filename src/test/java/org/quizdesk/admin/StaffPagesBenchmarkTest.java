package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.Role;
import org.quizdesk.account.internal.AccountRepository;
import org.quizdesk.account.internal.AccountRow;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.SubmittedAttemptCopies;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.QuestionKind;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The results page, the statistics page and the CSV exports of a quiz with many submitted attempts (1,000 here,
 * {@code -Dbench.attempts=10000} by hand): prints each one's time over HTTP and its SQL statements (H2's query
 * statistics), so an N+1 shows as a count that grows with the class. Figures, not timed assertions (the machine is
 * shared); what is asserted is the shape: a page of rows, every student in the CSV, a constant number of statements.
 */
@SpringBootTest(properties = "quizdesk.roster.setup-code-lifetime=17d") // its own context: the class stays here
@ActiveProfiles("test")
@AutoConfigureMockMvc
class StaffPagesBenchmarkTest {

    static final String QUIZ = StaffFixtures.QUIZ;
    static final int TEMPLATES = 24;
    static final int ROUNDS = 5;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired AttemptService attempts;
    @Autowired QuizCatalog catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired Clock clock;

    @Test
    void staffPagesOfAWholeClassCostAFewStatementsEach() throws Exception {
        int students = Integer.getInteger("bench.attempts", 1_000);
        long filling = System.nanoTime();
        fill(students);
        long filled = (System.nanoTime() - filling) / 1_000_000;
        assertThat(jdbc.queryForObject("select count(*) from attempt where quiz_id = ? and submitted_at is not null",
                Long.class, QUIZ)).isEqualTo(students);
        UserDetails ta = users.loadUserByUsername("instructor");
        String base = "/admin/quizzes/" + QUIZ;

        Measured page = measure(ta, base + "/results");
        Measured byTotal = measure(ta, base + "/results?sort=total&dir=desc&page=3");
        Measured search = measure(ta, base + "/results?q=bench00042");
        Measured statistics = measure(ta, base + "/statistics");
        Measured csv = measure(ta, base + "/results.csv");
        Measured canvas = measure(ta, base + "/canvas.csv");

        System.out.printf("Staff pages, %d submitted attempts of the seed quiz (filled in %d ms; H2 in memory, MockMvc, "
                        + "shared machine; mean of %d after a warm-up, not asserted):%n"
                        + "  results, page 1 by net id:      %7.1f ms (max %6.1f), CPU %6.1f ms, %3d selects, %d bytes%n"
                        + "  results, page 4 by total desc:  %7.1f ms (max %6.1f), CPU %6.1f ms, %3d selects%n"
                        + "  results, search by net id:      %7.1f ms (max %6.1f), CPU %6.1f ms, %3d selects%n"
                        + "  statistics:                     %7.1f ms (max %6.1f), CPU %6.1f ms, %3d selects, %d bytes%n"
                        + "  results.csv:                    %7.1f ms (max %6.1f), CPU %6.1f ms, %3d selects, %d bytes%n"
                        + "  canvas.csv:                     %7.1f ms (max %6.1f), CPU %6.1f ms, %3d selects%n"
                        + "  the results page's selects: %s%n",
                students, filled, ROUNDS,
                page.mean, page.max, page.cpu, page.statements, page.body.getBytes(StandardCharsets.UTF_8).length,
                byTotal.mean, byTotal.max, byTotal.cpu, byTotal.statements,
                search.mean, search.max, search.cpu, search.statements,
                statistics.mean, statistics.max, statistics.cpu, statistics.statements, statistics.body.getBytes(StandardCharsets.UTF_8).length,
                csv.mean, csv.max, csv.cpu, csv.statements, csv.body.getBytes(StandardCharsets.UTF_8).length,
                canvas.mean, canvas.max, canvas.cpu, canvas.statements, page.counts);

        assertThat(rows(page.body)).isEqualTo(ResultsController.PAGE_SIZE);
        assertThat(rows(byTotal.body)).isEqualTo(ResultsController.PAGE_SIZE);
        assertThat(rows(search.body)).isEqualTo(1);
        assertThat(csv.body.lines().count()).isEqualTo(students + 1L);
        assertThat(canvas.body.lines().count()).isEqualTo(students + 2L);
        assertThat(statistics.body).contains("3.1.4");
        // no statement per row: a page, the statistics and the first CSV pages cost the same for any class
        assertThat(page.statements).isLessThan(15);
        assertThat(statistics.statements).isLessThan(15);
        assertThat(csv.statements).isLessThan(10 + 3 * (students / 500 + 1));
    }

    /** Students bench00000…, 24 of them take the quiz for real (varied answers), the others get copies. */
    private void fill(int students) {
        List<AccountRow> batch = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            batch.add(new AccountRow(String.format("bench%05d", i), "Student " + i, "b" + i + "@uw.edu", i % 3 == 0 ? "AA" : "AB",
                    Role.STUDENT, clock.instant()));
            if (batch.size() == 1000 || i == students - 1) {
                accounts.saveAll(batch);
                batch.clear();
            }
        }
        Quiz quiz = catalog.current(QUIZ).orElseThrow().quiz();
        Random random = new Random(42);
        List<Long> templates = new ArrayList<>();
        for (AccountRow student : accounts.findByRoleOrderByUsernameAsc(Role.STUDENT,
                org.springframework.data.domain.PageRequest.of(0, Math.min(TEMPLATES, students)))) {
            var attempt = attempts.start(QUIZ, student.getId(), student.getFullName());
            attempts.submit(attempt.getId(), student.getId(), answers(quiz, random));
            templates.add(attempt.getId());
        }
        SubmittedAttemptCopies.copy(jdbc, QUIZ, templates);
    }

    /** A plausible answer sheet: some right, some wrong, some blank. */
    private static String answers(Quiz quiz, Random random) {
        List<String> entries = new ArrayList<>();
        for (Question question : quiz.questions()) {
            String value = switch (question.kind()) {
                case TRUE_FALSE -> random.nextInt(5) == 0 ? "null" : String.valueOf(random.nextBoolean());
                case MULTI_SELECT -> "[" + List.of("A", "B", "C", "D").stream().filter(k -> random.nextBoolean())
                        .map(k -> "\"" + k + "\"").collect(Collectors.joining(", ")) + "]";
                case SHORT_ANSWER -> random.nextInt(4) == 0 ? "null"
                        : "\"" + List.of("4 x 4 x 5", "3 x 3 x 5", "16", "Network 2 uses one conv with stride 4").get(random.nextInt(4)) + "\"";
            };
            entries.add("\"" + question.id() + "\": " + value);
        }
        return "{" + String.join(", ", entries) + "}";
    }

    /**
     * @param cpu the mean CPU time of the request thread (MockMvc and the in-memory H2 both run on it): what the page
     *     costs whatever else the machine runs, where the wall time grows with the machine's load
     */
    private record Measured(double mean, double max, double cpu, int statements, String counts, String body) {
    }

    private Measured measure(UserDetails staff, String url) throws Exception {
        mvc.perform(get(url).with(user(staff))).andReturn(); // warm-up
        jdbc.execute("set query_statistics false");
        jdbc.execute("set query_statistics true");
        MvcResult counted = mvc.perform(get(url).with(user(staff))).andReturn();
        assertThat(counted.getResponse().getStatus()).as(url).isEqualTo(200);
        Map<String, Integer> bySql = new java.util.TreeMap<>();
        jdbc.query("select sql_statement, execution_count from information_schema.query_statistics", rs -> {
            String sql = rs.getString(1);
            // the reads; commits and the session's own writes are the same for every page
            if (sql.strip().toLowerCase(java.util.Locale.ROOT).startsWith("select") && !sql.contains("query_statistics")) {
                bySql.merge(sql.replaceAll("\\s+", " ").substring(0, Math.min(60, sql.replaceAll("\\s+", " ").length())),
                        rs.getInt(2), Integer::sum);
            }
        });
        jdbc.execute("set query_statistics false");
        int statements = bySql.values().stream().mapToInt(Integer::intValue).sum();
        double total = 0;
        double max = 0;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            mvc.perform(get(url).with(user(staff))).andReturn().getResponse().getContentAsString();
            double millis = (System.nanoTime() - start) / 1e6;
            total += millis;
            max = Math.max(max, millis);
        }
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6 / ROUNDS;
        return new Measured(total / ROUNDS, max, cpu, statements, bySql.toString(),
                counted.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static int rows(String html) {
        return html.split("<tr class=\"result-row", -1).length - 1;
    }
}
