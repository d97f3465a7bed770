package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** What a student sees of the key before solutions are released, and the honor-code form's limits. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class KeyFreeReviewTest {

    static final String QUIZ = "cse493g1-au24-quiz2";
    /** The full reasons of a blank sheet of the seed quiz: each names an option or value of the key. */
    static final List<String> KEY_REASONS = List.of("missed A", "missed C", "the answer is False", "the answer is True");

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AttemptService attempts;
    @Autowired QuizSettingsRepository settings;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;

    UserDetails student;
    long accountId;

    @BeforeEach
    void signedInStudent() {
        String name = "k" + System.nanoTime();
        accountId = accounts.create(name, "Key Free", null, "AA", Role.STUDENT, "pw").id();
        student = users.loadUserByUsername(name);
    }

    @AfterEach
    void nothingReleased() {
        release(false, false);
    }

    @Test
    void aBlankSheetsReviewNamesNoOptionOrValueOfTheKeyUntilSolutionsAreReleased() throws Exception {
        long id = attempts.start(QUIZ, accountId, "Key Free").getId();
        attempts.submit(id, accountId, null);

        release(true, false);
        String review = mvc.perform(get("/attempts/{id}/review", id).with(user(student)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        KEY_REASONS.forEach(reason -> assertThat(review).as(reason).doesNotContain(reason));
        assertThat(review).contains("2 options wrong (\u22124)", "left blank");
        for (String json : List.of(mvc.perform(get("/api/attempts/{id}/status", id).with(user(student)))
                .andReturn().getResponse().getContentAsString())) {
            KEY_REASONS.forEach(reason -> assertThat(json).as(reason).doesNotContain(reason));
        }

        release(true, true);
        String afterRelease = mvc.perform(get("/attempts/{id}/review", id).with(user(student)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(afterRelease).contains("missed A (\u22122)", "missed C (\u22122)");
    }

    @Test
    void aScoreStoredBeforeKeyFreeReasonsWereKeptShowsOnlyThePointsLostBeforeRelease() throws Exception {
        long id = attempts.start(QUIZ, accountId, "Key Free").getId();
        attempts.submit(id, accountId, null);
        // as rows written before V6 read: no key-free reasons at all
        jdbc.update("update question_score set key_free_reasons = null where attempt_id = ?", id);

        release(true, false);
        String review = mvc.perform(get("/attempts/{id}/review", id).with(user(student)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        KEY_REASONS.forEach(reason -> assertThat(review).as(reason).doesNotContain(reason));
        assertThat(review).contains("\u22124 of 4 points");
        release(true, true);
        assertThat(mvc.perform(get("/attempts/{id}/review", id).with(user(student))).andReturn().getResponse()
                .getContentAsString()).contains("missed A (\u22122)");
    }

    @Test
    void aWrongTrueFalseAnswerReadsIncorrectBeforeRelease() throws Exception {
        long id = attempts.start(QUIZ, accountId, "Key Free").getId();
        attempts.save(id, accountId, "{\"1.1\": true}");
        attempts.submit(id, accountId, null);

        release(true, false);
        String review = mvc.perform(get("/attempts/{id}/review", id).with(user(student)))
                .andReturn().getResponse().getContentAsString();

        assertThat(review).contains("incorrect").doesNotContain("the answer is False");
    }

    @Test
    void aThreeHundredCharacterSignatureIsRefusedWithA400AndAReason() throws Exception {
        String signature = "Ada Lovelace ".repeat(24).substring(0, 300);

        String page = mvc.perform(post("/quizzes/{quiz}/start", QUIZ).param("signature", signature).param("agree", "true")
                        .with(user(student)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Your signature must be between 2 and 120 characters");
        assertThat(attempts.find(QUIZ, accountId)).isEmpty();
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(AttemptRefused.class,
                () -> attempts.start(QUIZ, accountId, signature)).why()).isEqualTo(AttemptRefused.Why.BAD_SIGNATURE);
    }

    @Test
    void aSignatureOfAReasonableLengthStarts() throws Exception {
        mvc.perform(post("/quizzes/{quiz}/start", QUIZ).param("signature", "Ada Lovelace").param("agree", "true")
                        .with(user(student)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(attempts.find(QUIZ, accountId)).isPresent();
    }

    @Test
    void theHonorCodePageModelHoldsAKeyFreeSummaryNotTheQuiz() throws Exception {
        MvcResult page = mvc.perform(get("/quizzes/{quiz}", QUIZ).with(user(student)))
                .andExpect(status().isOk())
                .andExpect(model().attribute("quiz", instanceOf(HonorCodeSummary.class)))
                .andReturn();

        assertThat(page.getModelAndView().getModel().values()).noneMatch(value -> value instanceof Quiz)
                .noneMatch(value -> value instanceof QuizSheet);
    }

    private void release(boolean scores, boolean solutions) {
        QuizSettingsRow quiz = settings.findById(QUIZ).orElseThrow();
        quiz.setScoresReleased(scores);
        quiz.setSolutionsReleased(solutions);
        settings.save(quiz);
    }
}
