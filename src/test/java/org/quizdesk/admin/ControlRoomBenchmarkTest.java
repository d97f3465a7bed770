package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.Role;
import org.quizdesk.account.internal.AccountRepository;
import org.quizdesk.account.internal.AccountRow;
import org.quizdesk.attempt.ControlRoom;
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
 * The control room with 10,000 rostered students, 1,000 of them in progress: prints what a poll costs when nothing
 * changed (304) and when it did (200, one page rendered), and the page's size. Figures, not timed assertions: the
 * machine is shared. What is asserted is the shape: a page of 50 rows, the counts, and the 304.
 */
@SpringBootTest(properties = "quizdesk.roster.setup-code-lifetime=16d") // its own context: 10,000 students stay here
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ControlRoomBenchmarkTest {

    static final String QUIZ = StaffFixtures.QUIZ;
    static final int STUDENTS = 10_000;
    static final int IN_PROGRESS = 1_000;
    static final int ROUNDS = 40;

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired QuizCatalog catalog;
    @Autowired ControlRoom controlRoom;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired Clock clock;

    @Test
    void pollsOfTenThousandStudentsCostOneAggregateWhenNothingChanged() throws Exception {
        Instant now = clock.instant();
        List<AccountRow> batch = new ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) {
            batch.add(new AccountRow(String.format("live%05d", i), "Student " + i, null, "AA", Role.STUDENT, now));
            if (batch.size() == 1000) {
                accounts.saveAll(batch);
                batch.clear();
            }
        }
        long version = catalog.current(QUIZ).orElseThrow().versionId();
        List<Object[]> attempts = new ArrayList<>();
        for (AccountRow student : accounts.findByRoleOrderByUsernameAsc(Role.STUDENT,
                org.springframework.data.domain.PageRequest.of(0, IN_PROGRESS))) {
            int i = attempts.size();
            attempts.add(new Object[] {QUIZ, version, student.getId(), student.getFullName(), now.minusSeconds(600).atOffset(ZoneOffset.UTC),
                    now.plus(Duration.ofMinutes(20 + i % 30)).atOffset(ZoneOffset.UTC), now.minusSeconds(i % 90).atOffset(ZoneOffset.UTC),
                    i % 7, "192.0.2." + (i % 250), "Chrome 131 on Windows", i % 50 == 0});
        }
        jdbc.batchUpdate("""
                insert into attempt (quiz_id, version_id, account_id, signature, started_at, deadline, answers, saved_at, save_count,
                    answered_count, start_address, start_browser, second_address)
                values (?, ?, ?, ?, ?, ?, '{}', ?, 10, ?, ?, ?, ?)""", attempts);

        ControlRoom.Counts counts = controlRoom.counts(QUIZ);
        assertThat(counts.inProgress()).isEqualTo(IN_PROGRESS);
        assertThat(counts.notStarted()).isGreaterThanOrEqualTo(STUDENTS - IN_PROGRESS);
        UserDetails ta = users.loadUserByUsername("instructor");
        String board = "/admin/quizzes/" + QUIZ + "/live/board";

        for (int i = 0; i < 5; i++) { // warm-up
            mvc.perform(get(board).with(user(ta))).andReturn();
        }
        long full = 0;
        MvcResult first = null;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            first = mvc.perform(get(board).with(user(ta))).andReturn();
            full += System.nanoTime() - start;
        }
        assertThat(first.getResponse().getStatus()).isEqualTo(200);
        String etag = first.getResponse().getHeader("ETag");
        long sorted = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            mvc.perform(get(board + "?sort=time_left").with(user(ta))).andReturn();
            sorted += System.nanoTime() - start;
        }
        long unchanged = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            MvcResult result = mvc.perform(get(board).with(user(ta)).header("If-None-Match", etag)).andReturn();
            unchanged += System.nanoTime() - start;
            assertThat(result.getResponse().getStatus()).isEqualTo(304);
        }
        long stamp = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            controlRoom.counts(QUIZ);
            stamp += System.nanoTime() - start;
        }
        long query = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            controlRoom.page(QUIZ, null, "", ControlRoom.Sort.NAME, 0, LiveController.PAGE_SIZE);
            query += System.nanoTime() - start;
        }
        String boardHtml = first.getResponse().getContentAsString();
        String page = mvc.perform(get("/admin/quizzes/" + QUIZ + "/live").with(user(ta))).andReturn().getResponse().getContentAsString();
        assertThat(boardHtml.split("<tr id=\"student-", -1).length - 1).isEqualTo(LiveController.PAGE_SIZE);

        System.out.printf("Control room, %d students, %d in progress (H2 in memory, shared machine; not asserted):%n"
                        + "  poll, changed (200, page 1 by net id): %.1f ms, %d bytes%n"
                        + "  poll, changed (200, page 1 by time left): %.1f ms%n"
                        + "  poll, unchanged (304): %.1f ms (the version stamp's query alone: %.1f ms)%n"
                        + "  the page's two queries alone: %.1f ms%n"
                        + "  whole page: %d bytes%n",
                STUDENTS, IN_PROGRESS, full / 1e6 / ROUNDS, boardHtml.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                sorted / 1e6 / ROUNDS, unchanged / 1e6 / ROUNDS, stamp / 1e6 / ROUNDS, query / 1e6 / ROUNDS,
                page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
}
