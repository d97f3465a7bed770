package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/** Releasing solutions while students still answer, comment limits, and student text shown as text to staff. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ReleaseAndStaffPagesTest {

    static final String QUIZ = StaffFixtures.QUIZ;

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;
    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired QuizSettingsRepository settings;

    StaffFixtures fixtures;
    UserDetails instructor;
    UserDetails ta;

    @BeforeEach
    void setUp() {
        fixtures = new StaffFixtures(accounts, users, attempts, attemptRepository);
        instructor = users.loadUserByUsername("instructor");
        ta = fixtures.staff(Role.TA);
    }

    @AfterEach
    void unrelease() {
        QuizSettingsRow quiz = settings.findById(QUIZ).orElseThrow();
        quiz.setScoresReleased(false);
        quiz.setSolutionsReleased(false);
        settings.save(quiz);
    }

    @Test
    void releasingSolutionsWhileStudentsStillAnswerAsksFirstNamingThemAndConfirmingReleases() throws Exception {
        Account working = fixtures.student("Wanda Working", "AA");
        Attempt inProgress = fixtures.reload(attempts.start(QUIZ, working.id(), "Wanda Working"));
        Account later = fixtures.student("Leo Later", "AB");
        String tomorrow = LocalDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
        mvc.perform(post("/admin/quizzes/{q}/accommodations", QUIZ).param("netId", later.username())
                .param("factor", "1").param("extraMinutes", "0").param("closes", tomorrow)
                .with(user(instructor)).with(csrf())).andExpect(status().is3xxRedirection());

        String page = mvc.perform(post("/admin/quizzes/{q}/releases", QUIZ).param("scores", "true").param("solutions", "true")
                        .with(user(instructor)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Release solutions while students are still answering?",
                "Wanda Working", working.username(), inProgress.getDeadline().toString(),
                "Leo Later", later.username(), "name=\"confirmed\" value=\"true\"");
        assertThat(settings.findById(QUIZ).orElseThrow().isSolutionsReleased()).isFalse();

        mvc.perform(post("/admin/quizzes/{q}/releases", QUIZ).param("scores", "true").param("solutions", "true")
                        .param("confirmed", "true").with(user(instructor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(settings.findById(QUIZ).orElseThrow().isSolutionsReleased()).isTrue();

        // leave no one working for the other tests of this context
        attempts.submit(inProgress.getId(), working.id(), null);
        mvc.perform(post("/admin/quizzes/{q}/accommodations/{a}/delete", QUIZ, later.id()).with(user(instructor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void releasingScoresAloneNeedsNoConfirmation() throws Exception {
        Account working = fixtures.student("Sam Scores", "AA");
        Attempt inProgress = attempts.start(QUIZ, working.id(), "Sam Scores");

        mvc.perform(post("/admin/quizzes/{q}/releases", QUIZ).param("scores", "true").with(user(instructor)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(settings.findById(QUIZ).orElseThrow().isScoresReleased()).isTrue();
        attempts.submit(inProgress.getId(), working.id(), null);
    }

    @Test
    void anOverlongOverrideCommentIsA400WithTheLimitNotADatabaseError() throws Exception {
        Attempt attempt = fixtures.submitted(fixtures.student("Con Comment", "AA"), "{\"1.1\": true}");

        String page = mvc.perform(post("/admin/attempts/{a}/override", attempt.getId()).param("questionId", "1.1")
                        .param("score", "1").param("comment", "x".repeat(2500)).with(user(ta)).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("The comment must be at most 1000 characters.");
        assertThat(fixtures.reload(attempt).getTotal()).isEqualByComparingTo(attempt.getTotal());
    }

    @Test
    void anOverlongGradingCommentIsA400WithTheLimitNotADatabaseError() throws Exception {
        Attempt attempt = fixtures.submitted(fixtures.student("Gil Grading", "AA"), "{\"3.1.4\": \"stride 4\"}");

        String page = mvc.perform(post("/admin/quizzes/{q}/grading/3.1.4/{a}", QUIZ, attempt.getId()).param("item", "stride-4")
                        .param("adjustment", "-0.5").param("comment", "y".repeat(2500)).with(user(ta)).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("The comment must be at most 1000 characters.");
        assertThat(fixtures.reload(attempt).getPendingCount()).isEqualTo(1);
    }

    @Test
    void studentAnswersAndTheReasonsQuotingThemAreMarkedAsPlainTextOnTheStaffAttemptPage() throws Exception {
        String trick = "$\\\\color{white}{4 x 4 x 5}$ 9 x 9";
        Attempt attempt = fixtures.submitted(fixtures.student("Tex Tricks", "AA"), "{\"3.1.1\": \"" + trick + "\"}");
        String answer = HtmlUtils.htmlEscape("$\\color{white}{4 x 4 x 5}$ 9 x 9");

        String page = mvc.perform(get("/admin/attempts/{a}", attempt.getId()).with(user(ta)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // page.js renders math everywhere except inside .no-math: the answer must be shown exactly as typed
        assertThat(page).contains("class=\"answer admin-answer no-math\">" + answer + "</span>");
        assertThat(page).containsPattern("<ul class=\"reasons no-math\"><li>\u201c\\$\\\\color");
    }
}
