package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** With the application's default, a quiz file seen for the first time stays hidden until an instructor publishes it. */
@SpringBootTest(properties = "quizdesk.quizzes.publish-new=false")
@ActiveProfiles("test")
@AutoConfigureMockMvc
class NewQuizHiddenTest {

    static final String QUIZ = "cse493g1-au24-quiz2";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AttemptService attempts;
    @Autowired QuizSettingsRepository settings;
    @Autowired UserDetailsService users;

    @Test
    void aNewQuizFileIsNeitherListedNorStartableUntilPublishedAndStaffAreToldWhy() throws Exception {
        String name = "h" + System.nanoTime();
        long accountId = accounts.create(name, "Hidden Hope", null, "AA", Role.STUDENT, "pw").id();
        UserDetails student = users.loadUserByUsername(name);
        UserDetails instructor = users.loadUserByUsername("instructor");

        assertThat(settings.findById(QUIZ).orElseThrow().isPublished()).isFalse();
        String list = mvc.perform(get("/quizzes").with(user(student))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("/quizzes/" + QUIZ);
        mvc.perform(get("/quizzes/{q}", QUIZ).with(user(student))).andExpect(status().isNotFound());
        mvc.perform(post("/quizzes/{q}/start", QUIZ).param("signature", "Hidden Hope").param("agree", "true")
                .with(user(student)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(attempts.find(QUIZ, accountId)).as("refused: not open").isEmpty();
        assertThat(mvc.perform(get("/admin").with(user(instructor))).andReturn().getResponse().getContentAsString())
                .contains("Hidden from students: not published.");

        // published, with a window that opens next week: still not startable, and the panel says until when
        QuizSettingsRow quiz = settings.findById(QUIZ).orElseThrow();
        Instant opens = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);
        quiz.setPublished(true);
        quiz.setWindow(opens, null);
        settings.save(quiz);
        assertThat(mvc.perform(get("/admin").with(user(instructor))).andReturn().getResponse().getContentAsString())
                .contains("Students cannot see it yet: its window opens at", opens.toString());
        mvc.perform(post("/quizzes/{q}/start", QUIZ).param("signature", "Hidden Hope").param("agree", "true")
                .with(user(student)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(attempts.find(QUIZ, accountId)).isEmpty();

        quiz.setWindow(null, null);
        settings.save(quiz);
        assertThat(mvc.perform(get("/quizzes").with(user(student))).andReturn().getResponse().getContentAsString())
                .contains("/quizzes/" + QUIZ);
        mvc.perform(post("/quizzes/{q}/start", QUIZ).param("signature", "Hidden Hope").param("agree", "true")
                .with(user(student)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(attempts.find(QUIZ, accountId)).isPresent();
    }
}
