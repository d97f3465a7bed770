package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizdesk.testsupport.RealSignIn.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.StudentVersion;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The example quiz's parameterised question (quizzes/shuffle-example.yaml, 2.3): each student reads their own
 * numbers, is graded on them, and sees them again on the review; the staff attempt page shows the same.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ParameterizedQuizWebTest {

    static final String QUIZ = "shuffle-example";
    private static final String PASSWORD = "params-password-1";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AttemptService attempts;
    @Autowired QuizCatalog catalog;
    @Autowired QuizSettingsRepository settings;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void nothingReleased() {
        release(false, false);
    }

    @Test
    void twoStudentsReadTheirOwnNumbersAndAreEachGradedOnTheirOwn() throws Exception {
        Student ada = start("pa");
        Student bob = start("pb");
        Quiz quiz = catalog.currentOrThrow(QUIZ).quiz();
        // two seeds whose layers have different answers
        long adaSeed = 1;
        long bobSeed = 2;
        while (answer(quiz, bobSeed).equals(answer(quiz, adaSeed))) {
            bobSeed++;
        }
        seed(ada, adaSeed);
        seed(bob, bobSeed);
        Map<String, String> adas = StudentVersion.of(quiz, adaSeed).values("2.3");
        Map<String, String> bobs = StudentVersion.of(quiz, bobSeed).values("2.3");

        String adaPage = page(ada);
        assertThat(adaPage).contains(layer(adas));
        assertThat(page(ada)).as("a reload").contains(layer(adas));
        assertThat(page(bob)).contains(layer(bobs));

        // both type Ada's answer: right for her numbers, wrong for his
        String adaAnswer = answer(quiz, adaSeed).toPlainString();
        for (Student student : new Student[] {ada, bob}) {
            mvc.perform(put("/api/attempts/{id}/answers", student.attemptId()).with(student.session()).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"2.3\": \"" + adaAnswer + "\"}"))
                    .andExpect(status().isOk());
            attempts.submit(student.attemptId(), student.accountId(), null);
        }
        assertThat(score(ada, "2.3")).isEqualTo("2.00");
        assertThat(score(bob, "2.3")).isEqualTo("0.00");

        release(true, true);
        String adaReview = review(ada);
        assertThat(adaReview).contains(layer(adas)).doesNotContain(layer(bobs));
        String bobReview = review(bob);
        assertThat(bobReview).contains(layer(bobs)).contains(answer(quiz, bobSeed).toPlainString());

        String staff = mvc.perform(get("/admin/attempts/{id}", bob.attemptId())
                        .with(user(users.loadUserByUsername("instructor"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(staff).contains("inputs = " + bobs.get("inputs") + ", outputs = " + bobs.get("outputs"))
                .contains("<span>" + answer(quiz, bobSeed).toPlainString() + "</span>");

        // the statistics page lists 2.3's facility by each parameter's value
        String statistics = mvc.perform(get("/admin/quizzes/{quiz}/statistics", QUIZ)
                        .with(user(users.loadUserByUsername("instructor"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(statistics).contains("Facility by parameter value", "<caption>2.3: inputs</caption>",
                "<caption>2.3: outputs</caption>", "<caption>2.1: epochs</caption>");
    }

    /** How the prompt names the student's layer. */
    private static String layer(Map<String, String> values) {
        return "from " + values.get("inputs") + " inputs to " + values.get("outputs") + " outputs";
    }

    private static BigDecimal answer(Quiz quiz, long seed) {
        Map<String, String> values = StudentVersion.of(quiz, seed).values("2.3");
        return new BigDecimal(values.get("weights")).add(new BigDecimal(values.get("outputs")));
    }

    private record Student(long accountId, long attemptId, RequestPostProcessor session) {
    }

    private Student start(String prefix) throws Exception {
        String name = prefix + System.nanoTime();
        long accountId = accounts.create(name, "Student " + prefix, null, "AA", Role.STUDENT, PASSWORD).id();
        var attempt = attempts.start(QUIZ, accountId, "Student " + prefix);
        return new Student(accountId, attempt.getId(), signIn(mvc, name, PASSWORD));
    }

    private void seed(Student student, long seed) {
        jdbc.update("update attempt set version_seed = ? where id = ?", seed, student.attemptId());
    }

    private String page(Student student) throws Exception {
        return mvc.perform(get("/attempts/{id}", student.attemptId()).with(student.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String review(Student student) throws Exception {
        return mvc.perform(get("/attempts/{id}/review", student.attemptId()).with(student.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String score(Student student, String questionId) {
        return jdbc.queryForObject("select score from question_score where attempt_id = ? and question_id = ?",
                BigDecimal.class, student.attemptId(), questionId).setScale(2).toPlainString();
    }

    private void release(boolean scores, boolean solutions) {
        QuizSettingsRow quiz = settings.findById(QUIZ).orElseThrow();
        quiz.setScoresReleased(scores);
        quiz.setSolutionsReleased(solutions);
        settings.save(quiz);
    }
}
