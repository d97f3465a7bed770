package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The student's pages and the answers API over HTTP: status codes, reasons, CSRF, and no key before release. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class AttemptWebTest {

    static final String QUIZ = "cse493g1-au24-quiz2";
    /** Distinctive words of the seed's solutions and key, none of which appear in any prompt. */
    static final List<String> KEY_TEXTS = List.of("underfitting", "accepted either answer", "Network 2 does not get this correct",
            "zero-centered as they are always non-negative", "accurately describes", "accepted either way", "rubric", "Correct option");

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired QuizSettingsRepository settings;
    @Autowired UserDetailsService users;

    UserDetails student;
    long accountId;

    @BeforeEach
    void signedInStudent() {
        String name = "w" + System.nanoTime();
        accountId = accounts.create(name, "Web Student", null, "AA", Role.STUDENT, "pw").id();
        student = users.loadUserByUsername(name);
        release(false);
    }

    @Test
    void theQuizPageCarriesNoKeyAndNoSolutionAndSendsAStrictContentSecurityPolicy() throws Exception {
        long id = attempts.start(QUIZ, accountId, "Web Student").getId();
        String page = mvc.perform(get("/attempts/{id}", id).with(user(student)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("You know you have a good training regime").contains("name=\"answer:2.1\"");
        KEY_TEXTS.forEach(text -> assertThat(page).as(text).doesNotContain(text));
        assertThat(page).doesNotContainPattern("(?i)<script>[^<]");
        String status = mvc.perform(get("/api/attempts/{id}/status", id).with(user(student)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(status).doesNotContain("answer").doesNotContain("correct");
    }

    @Test
    void theAnswersApiSavesAndRefusesBadInputWithAReason() throws Exception {
        long id = attempts.start(QUIZ, accountId, "Web Student").getId();

        mvc.perform(put("/api/attempts/{id}/answers", id).with(user(student)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"1.1\": false, \"2.1\": [\"A\", \"C\"], \"3.1.1\": \"4x4x5\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/attempts/{id}/answers", id).with(user(student)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"1.1\": false, \"2.1\": [\"A\", \"C\"], \"3.1.1\": \"4x4x5\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.saved").value(true))
                .andExpect(jsonPath("$.serverNow").isNumber());

        expectRefusal(id, "{\"2.1\": [\"E\"]}", 400, "option \"E\"");
        expectRefusal(id, "{\"7.7\": true}", 400, "7.7");
        expectRefusal(id, "{\"1.1\": 3}", 400, "1.1");
        expectRefusal(id, "{\"1.1\": ", 400, "");
        expectRefusal(id, "{\"3.1.4\": \"" + "y".repeat(66_000) + "\"}", 413, "KB");

        long otherAccount = accounts.create("x" + System.nanoTime(), "Other", null, "AA", Role.STUDENT, "pw").id();
        long othersAttempt = attempts.start(QUIZ, otherAccount, "Other").getId();
        expectRefusal(othersAttempt, "{\"1.1\": true}", 404, "no such attempt");
        assertThat(attemptRepository.findById(othersAttempt).orElseThrow().getAnswers()).isEqualTo("{}");

        assertThat(attemptRepository.findById(id).orElseThrow().getAnswers())
                .isEqualTo("{\"1.1\":false,\"2.1\":[\"A\",\"C\"],\"3.1.1\":\"4x4x5\"}");

        attempts.submit(id, accountId, null);
        expectRefusal(id, "{\"1.1\": true}", 409, "submitted");
    }

    @Test
    void aSubmissionSentAgainIsAcknowledgedOnlyWithTheAnswersThatWereSubmitted() throws Exception {
        long id = attempts.start(QUIZ, accountId, "Web Student").getId();
        String finalAnswers = "{\"1.1\": false, \"2.1\": [\"A\"]}";
        submit(id, finalAnswers).andExpect(status().isOk()).andExpect(jsonPath("$.submitted").value(true));
        // the answer to the submission was lost on the way: the page sends it again, and is told it was submitted
        submit(id, finalAnswers).andExpect(status().isOk()).andExpect(jsonPath("$.submitted").value(true));
        // another tab's final answers, sent after this submission, were not taken: it must not be told they were
        submit(id, "{\"1.1\": true}").andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("already_submitted"));
        assertThat(attemptRepository.findById(id).orElseThrow().getAnswers()).isEqualTo("{\"1.1\":false,\"2.1\":[\"A\"]}");
    }

    @Test
    void aSubmissionThatReachesTheServerAfterItSubmittedTheAttemptAtTheDeadlineIsToldItsAnswersWereNotTaken() throws Exception {
        long id = attempts.start(QUIZ, accountId, "Web Student").getId();
        mvc.perform(put("/api/attempts/{id}/answers", id).with(user(student)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"1.1\": false}"))
                .andExpect(status().isOk());
        // the submission with the final answers is lost on the way (a refused connection); time runs out and the
        // server submits what was saved
        attempts.submitAndGrade(id, SubmittedBy.DEADLINE);

        // the page sends the submission again: before, it was answered 200 "submitted", as if its answers were taken
        submit(id, "{\"1.1\": true, \"2.1\": [\"B\"]}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("time_up"))
                .andExpect(jsonPath("$.message").value(containsString("answers saved until then have been submitted")));
        assertThat(attemptRepository.findById(id).orElseThrow().getAnswers()).isEqualTo("{\"1.1\":false}");
        // what was submitted, sent again, is what was submitted
        submit(id, "{\"1.1\": false}").andExpect(status().isOk()).andExpect(jsonPath("$.submitted").value(true));
    }

    private ResultActions submit(long attemptId, String finalAnswers) throws Exception {
        return mvc.perform(post("/api/attempts/{id}/submit", attemptId).with(user(student)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(finalAnswers));
    }

    @Test
    void withoutJavaScriptThePageSavesAndSubmitsByPlainFormPosts() throws Exception {
        long id = attempts.start(QUIZ, accountId, "Web Student").getId();

        mvc.perform(post("/attempts/{id}/save", id).with(user(student)).with(csrf())
                        .param("answer:1.1", "false").param("answer:1.2", "").param("answer:2.1", "A", "C")
                        .param("answer:3.1.1", "(4, 4, 5)").param("next", "submit"))
                .andExpect(redirectedUrl("/attempts/" + id + "/submit"));
        assertThat(attemptRepository.findById(id).orElseThrow().getAnswers())
                .isEqualTo("{\"1.1\":false,\"2.1\":[\"A\",\"C\"],\"3.1.1\":\"(4, 4, 5)\"}");

        mvc.perform(get("/attempts/{id}/submit", id).with(user(student)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("7 questions are unanswered")))
                .andExpect(content().string(containsString("Question 1.2")))
                .andExpect(content().string(not(containsString("Question 1.1<"))));

        mvc.perform(post("/attempts/{id}/submit", id).with(user(student)).with(csrf()))
                .andExpect(redirectedUrl("/attempts/" + id + "/review"));
        String before = mvc.perform(get("/attempts/{id}/review", id).with(user(student)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(before).contains("Scores are not released yet").doesNotContain("missed").doesNotContain("/ 20");
        KEY_TEXTS.forEach(text -> assertThat(before).as(text).doesNotContain(text));

        release(true);
        mvc.perform(get("/attempts/{id}/review", id).with(user(student)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("7.00 / 20")))
                .andExpect(content().string(containsString("missed C (−2)")))
                .andExpect(content().string(containsString("underfitting")));
    }

    @Test
    void aStudentReachesNeitherAnotherStudentsAttemptNorTheStaffPages() throws Exception {
        long otherAccount = accounts.create("y" + System.nanoTime(), "Other", null, "AA", Role.STUDENT, "pw").id();
        long othersAttempt = attempts.start(QUIZ, otherAccount, "Other").getId();

        mvc.perform(get("/attempts/{id}", othersAttempt).with(user(student))).andExpect(status().isNotFound());
        mvc.perform(get("/attempts/{id}/review", othersAttempt).with(user(student))).andExpect(status().isNotFound());
        mvc.perform(get("/admin").with(user(student))).andExpect(status().isForbidden());
        mvc.perform(get("/quizzes")).andExpect(status().is3xxRedirection());
    }

    private void expectRefusal(long attemptId, String body, int status, String reason) throws Exception {
        mvc.perform(put("/api/attempts/{id}/answers", attemptId).with(user(student)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.message", containsString(reason)));
    }

    private void release(boolean released) {
        QuizSettingsRow quiz = settings.findById(QUIZ).orElseThrow();
        quiz.setPublished(true);
        quiz.setScoresReleased(released);
        quiz.setSolutionsReleased(released);
        settings.save(quiz);
    }

    static String solutionKey() throws Exception {
        return Files.readString(Path.of("docs/examples/seed-solution-key.json"));
    }
}
