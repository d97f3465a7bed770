package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.attempt.internal.QuestionScoreRecord;
import org.quizdesk.attempt.internal.QuestionScoreRepository;
import org.quizdesk.attempt.internal.ScoreChange;
import org.quizdesk.attempt.internal.ScoreChangeRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Permissions per role, overrides with their audit, hand grading from the queue, rubric changes, and escaping. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class AdminPanelTest {

    static final String QUIZ = StaffFixtures.QUIZ;
    static final String XSS = "<img src=x onerror=alert(1)>";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;
    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired QuestionScoreRepository scores;
    @Autowired ScoreChangeRepository changes;

    StaffFixtures fixtures;
    UserDetails instructor;
    UserDetails ta;

    @BeforeEach
    void setUp() {
        fixtures = new StaffFixtures(accounts, users, attempts, attemptRepository);
        instructor = users.loadUserByUsername("instructor");
        ta = fixtures.staff(Role.TA);
    }

    @Test
    void studentsGet403OnEveryStaffPageAndAction() throws Exception {
        UserDetails student = fixtures.signIn(fixtures.student("Stu Dent", "AA"));
        for (String page : List.of("/admin", "/admin/quizzes/" + QUIZ + "/results", "/admin/quizzes/" + QUIZ + "/results.csv",
                "/admin/quizzes/" + QUIZ + "/canvas.csv", "/admin/quizzes/" + QUIZ + "/statistics",
                "/admin/quizzes/" + QUIZ + "/grading", "/admin/quizzes/" + QUIZ + "/settings", "/admin/roster",
                "/admin/roster/setup-codes.csv", "/admin/quizzes/" + QUIZ + "/regrade", "/admin/attempts/1")) {
            mvc.perform(get(page).with(user(student))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/quizzes/" + QUIZ + "/releases").param("scores", "true").with(user(student)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/attempts/1/override").param("questionId", "1.1").param("score", "1").param("comment", "x")
                .with(user(student)).with(csrf())).andExpect(status().isForbidden());
        // signed out: a browser is sent to the sign-in page
        mvc.perform(get("/admin").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
    }

    @Test
    void tasSeeResultsGradeAndExportButNotSettingsReleasesRosterOrRegrade() throws Exception {
        for (String page : List.of("/admin", "/admin/quizzes/" + QUIZ + "/results", "/admin/quizzes/" + QUIZ + "/results.csv",
                "/admin/quizzes/" + QUIZ + "/canvas.csv", "/admin/quizzes/" + QUIZ + "/statistics",
                "/admin/quizzes/" + QUIZ + "/grading")) {
            mvc.perform(get(page).with(user(ta))).andExpect(status().isOk());
        }
        for (String page : List.of("/admin/quizzes/" + QUIZ + "/settings", "/admin/roster", "/admin/roster/setup-codes.csv",
                "/admin/quizzes/" + QUIZ + "/regrade")) {
            mvc.perform(get(page).with(user(ta))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/quizzes/" + QUIZ + "/releases").param("scores", "true").with(user(ta)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/quizzes/" + QUIZ + "/settings").param("published", "false").with(user(ta)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/quizzes/" + QUIZ + "/accommodations").param("netId", "x").with(user(ta)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/roster/import").param("csv", "netid,name\nzz1,Zed\n").with(user(ta)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/quizzes/" + QUIZ + "/regrade").with(user(ta)).with(csrf())).andExpect(status().isForbidden());
        assertThat(accounts.findByUsername("zz1")).isEmpty();

        String home = mvc.perform(get("/admin").with(user(ta))).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("/admin/quizzes/" + QUIZ + "/results").doesNotContain("/settings").doesNotContain("/admin/roster");
    }

    @Test
    void instructorsReachEverythingAndTheLandingPageLinksIt() throws Exception {
        for (String page : List.of("/admin/quizzes/" + QUIZ + "/settings", "/admin/roster", "/admin/quizzes/" + QUIZ + "/regrade")) {
            mvc.perform(get(page).with(user(instructor))).andExpect(status().isOk());
        }
        String home = mvc.perform(get("/admin").with(user(instructor))).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("/admin/quizzes/" + QUIZ + "/results", "/admin/quizzes/" + QUIZ + "/grading",
                "/admin/quizzes/" + QUIZ + "/statistics", "/admin/quizzes/" + QUIZ + "/results.csv",
                "/admin/quizzes/" + QUIZ + "/canvas.csv", "/admin/quizzes/" + QUIZ + "/settings", "/admin/roster", "open");
        mvc.perform(get("/").with(user(instructor))).andExpect(redirectedUrl("/admin"));
    }

    @Test
    void anOverrideChangesTheTotalAndIsRecordedAndShown() throws Exception {
        Account student = fixtures.student("Olive Override", "AB");
        Attempt attempt = fixtures.submitted(student, "{\"1.1\": true, \"1.2\": false}");
        BigDecimal before = attempt.getTotal();

        mvc.perform(post("/admin/attempts/" + attempt.getId() + "/override").param("questionId", "1.1").param("score", "1")
                .param("comment", "the wording was ambiguous").with(user(ta)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("message"));

        assertThat(fixtures.reload(attempt).getTotal()).isEqualByComparingTo(before.add(BigDecimal.ONE));
        QuestionScoreRecord record = scores.findById(new QuestionScoreRecord.Key(attempt.getId(), "1.1")).orElseThrow();
        assertThat(record.getScore()).isEqualByComparingTo("1");
        assertThat(record.getAutoScore()).isEqualByComparingTo("0");
        assertThat(record.getOverrideComment()).isEqualTo("the wording was ambiguous");
        List<ScoreChange> history = changes.findByAttemptIdOrderByIdAsc(attempt.getId());
        assertThat(history).hasSize(1);
        ScoreChange change = history.get(0);
        assertThat(change.getOldScore()).isEqualByComparingTo("0");
        assertThat(change.getNewScore()).isEqualByComparingTo("1");
        assertThat(change.getChangedBy()).isEqualTo(accounts.findByUsername(ta.getUsername()).orElseThrow().id());
        assertThat(change.getReason()).contains("the wording was ambiguous");
        assertThat(change.getChangedAt()).isNotNull();

        String page = mvc.perform(get("/admin/attempts/" + attempt.getId()).with(user(ta))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Staff " + ta.getUsername()).contains("the wording was ambiguous");

        mvc.perform(post("/admin/attempts/" + attempt.getId() + "/override").param("questionId", "1.1").param("score", "3")
                .param("comment", "too much").with(user(ta)).with(csrf()))
                .andExpect(flash().attribute("error", "question 1.1: a score must be between 0 and 1, not 3"));
        mvc.perform(post("/admin/attempts/" + attempt.getId() + "/override").param("questionId", "1.1").param("score", "0")
                .param("comment", " ").with(user(ta)).with(csrf()))
                .andExpect(flash().attribute("error", "question 1.1: an override needs a comment"));
        assertThat(changes.findByAttemptIdOrderByIdAsc(attempt.getId())).hasSize(1);
    }

    @Test
    void gradingFromTheQueueWithRubricItemsThenARubricChangeRescores() throws Exception {
        Account student = fixtures.student("Grace Grader", "AA");
        Attempt attempt = fixtures.submitted(student, "{\"3.1.4\": \"" + XSS + " stride 4 skips pixels\"}");
        assertThat(attempt.getPendingCount()).isEqualTo(1);

        // the queue sends the grader to an answer that waits (possibly another test's; step to ours directly)
        String next = mvc.perform(get("/admin/quizzes/" + QUIZ + "/grading/3.1.4").with(user(ta)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(next).startsWith("/admin/quizzes/" + QUIZ + "/grading/3.1.4/");

        String page = mvc.perform(get("/admin/quizzes/" + QUIZ + "/grading/3.1.4/" + attempt.getId()).with(user(ta)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt; stride 4 skips pixels").doesNotContain(XSS);
        assertThat(page).contains("graded").contains("value=\"stride-4\"").containsPattern("/js/admin-[0-9a-f]{32}\\.js").doesNotContain("Grace Grader");

        mvc.perform(post("/admin/quizzes/" + QUIZ + "/grading/3.1.4/" + attempt.getId()).param("item", "stride-4")
                .param("item", "blind-activations").with(user(ta)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/quizzes/" + QUIZ + "/grading/3.1.4?after=" + attempt.getId()));
        QuestionScoreRecord graded = scores.findById(new QuestionScoreRecord.Key(attempt.getId(), "3.1.4")).orElseThrow();
        assertThat(graded.getScore()).isEqualByComparingTo("1.5");
        Attempt after = fixtures.reload(attempt);
        assertThat(after.getPendingCount()).isZero();
        assertThat(after.getTotal()).isEqualByComparingTo(attempt.getTotal().add(new BigDecimal("1.5")));

        // an adjustment without a comment is refused and changes nothing
        mvc.perform(post("/admin/quizzes/" + QUIZ + "/grading/3.1.4/" + attempt.getId()).param("item", "stride-4")
                .param("adjustment", "-0.5").with(user(ta)).with(csrf()))
                .andExpect(flash().attribute("error", "Say why in a comment when you adjust the score."));

        mvc.perform(post("/admin/quizzes/" + QUIZ + "/grading/3.1.4/rubric/stride-4").param("points", "0.5")
                .param("back", String.valueOf(attempt.getId())).with(user(ta)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("message"));
        assertThat(scores.findById(new QuestionScoreRecord.Key(attempt.getId(), "3.1.4")).orElseThrow().getScore())
                .isEqualByComparingTo("1.0");
        assertThat(fixtures.reload(attempt).getTotal()).isEqualByComparingTo(attempt.getTotal().add(BigDecimal.ONE));
        List<ScoreChange> history = changes.findByAttemptIdOrderByIdAsc(attempt.getId());
        assertThat(history).extracting(ScoreChange::getNewScore).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1.5"), new BigDecimal("1.0"));
        assertThat(history.get(0).getOldScore()).isNull();
        assertThat(history.get(1).getReason()).contains("now worth 0.5 points");

        // the grading page now shows the changed points; put them back for the other tests
        mvc.perform(post("/admin/quizzes/" + QUIZ + "/grading/3.1.4/rubric/stride-4").param("points", "1")
                .with(user(instructor)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(scores.findById(new QuestionScoreRecord.Key(attempt.getId(), "3.1.4")).orElseThrow().getScore())
                .isEqualByComparingTo("1.5");
    }

    @Test
    void studentTextIsShownEscapedOnTheAttemptAndStatisticsPages() throws Exception {
        Account student = fixtures.student("Xavier Script", "AA");
        Attempt attempt = fixtures.submitted(student, "{\"3.1.1\": \"" + XSS + "\", \"3.1.4\": \"" + XSS + "\"}");

        String page = mvc.perform(get("/admin/attempts/" + attempt.getId()).with(user(ta)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain(XSS);

        String statistics = mvc.perform(get("/admin/quizzes/" + QUIZ + "/statistics").with(user(ta)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(statistics).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain(XSS).contains("Facility");

        Attempt open = attempts.start(QUIZ, fixtures.student("Ina Progress", "AA").id(), "Ina Progress");
        assertThat(mvc.perform(get("/admin/attempts/" + open.getId()).with(user(ta))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("In progress.");

        String results = mvc.perform(get("/admin/quizzes/" + QUIZ + "/results").param("section", "AA").param("sort", "total")
                .with(user(ta))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(results).contains(student.username()).contains("needs grading");
    }
}
