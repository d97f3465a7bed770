package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizdesk.testsupport.RealSignIn.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.internal.AttemptRepository;
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
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The example quiz's pool 2.4 (quizzes/shuffle-example.yaml) over HTTP: students drawing different alternatives
 * each see, save, get graded on and review their own; the CSV and statistics count by the alternatives' own ids;
 * staff preview any version with its key, and a student's own.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class PoolQuizWebTest {

    private static final String QUIZ = "shuffle-example";
    private static final String PASSWORD = "pool-password-12";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired QuizCatalog catalog;
    @Autowired QuizSettingsRepository settings;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;

    UserDetails instructor;
    UserDetails ta;

    @BeforeEach
    void setUp() {
        instructor = users.loadUserByUsername("instructor");
        ta = new StaffFixtures(accounts, users, attempts, attemptRepository).staff(Role.TA);
    }

    @AfterEach
    void nothingReleased() {
        QuizSettingsRow row = settings.findById(QUIZ).orElseThrow();
        row.setScoresReleased(false);
        row.setSolutionsReleased(false);
        settings.save(row);
    }

    @Test
    void twoStudentsDrawDifferentAlternativesAndEachIsGradedOnTheirOwnOutOfTheFilesTotal() throws Exception {
        long adaSeed = seedDrawing("2.4a");
        Student ada = start("pa", adaSeed);
        Student bob = start("pb", seedDrawing("2.4b"));

        String adaPage = page(ada);
        String bobPage = page(bob);
        assertThat(adaPage).contains("data-question=\"2.4a\"").doesNotContain("data-question=\"2.4b\"");
        assertThat(bobPage).contains("data-question=\"2.4b\"").doesNotContain("data-question=\"2.4a\"");

        // 2.3 is parameterised: Ada answers it for her own layer
        Map<String, String> layer = StudentVersion.of(catalog.currentOrThrow(QUIZ).quiz(), adaSeed).values("2.3");
        String layerAnswer = new java.math.BigDecimal(layer.get("weights")).add(new java.math.BigDecimal(layer.get("outputs"))).toPlainString();
        save(ada, "{\"2.4a\": \"10\", \"2.3\": \"" + layerAnswer + "\"}").andExpect(status().isOk());
        save(bob, "{\"2.4b\": \"10\"}").andExpect(status().isOk());
        attempts.submit(ada.attemptId(), ada.accountId(), null);
        attempts.submit(bob.attemptId(), bob.accountId(), null);

        Map<String, String> adaScores = scores(ada);
        assertThat(adaScores).containsEntry("2.4a", "2.00").containsEntry("2.3", "2.00").doesNotContainKey("2.4b");
        assertThat(scores(bob)).containsEntry("2.4b", "0.00").doesNotContainKey("2.4a");
        Quiz file = catalog.currentOrThrow(QUIZ).quiz();
        assertThat(jdbc.queryForObject("select max_points from attempt where id = ?", java.math.BigDecimal.class, ada.attemptId()))
                .isEqualByComparingTo(file.maxPoints()).isEqualByComparingTo("11");

        QuizSettingsRow row = settings.findById(QUIZ).orElseThrow();
        row.setScoresReleased(true);
        row.setSolutionsReleased(true);
        settings.save(row);
        String review = mvc.perform(get("/attempts/{id}/review", ada.attemptId()).with(ada.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(review).contains("id=\"q-2.4a\"").doesNotContain("id=\"q-2.4b\"").contains("4.00 / 11");

        String staffPage = mvc.perform(get("/admin/attempts/{id}", bob.attemptId()).with(user(ta)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(staffPage).contains("id=\"q-2.4b\"").doesNotContain("id=\"q-2.4a\"")
                .contains("/admin/quizzes/shuffle-example/preview?version=")
                .contains("seed=" + bob.seed());
    }

    @Test
    void anAutosaveOfAnAlternativeTheStudentDidNotDrawIsRefusedWithAReasonAndNothingIsStored() throws Exception {
        Student cy = start("pc", seedDrawing("2.4a"));
        save(cy, "{\"2.4a\": \"10\"}").andExpect(status().isOk());

        save(cy, "{\"2.4a\": \"11\", \"2.4b\": \"9\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(
                        "question 2.4b is not in your version of the quiz (an alternative of pool 2.4 that was not drawn for you)"));

        assertThat(attempts.find(cy.attemptId(), cy.accountId()).orElseThrow().getAnswers()).isEqualTo("{\"2.4a\":\"10\"}");
    }

    @Test
    void theResultsCsvHasAColumnPerAlternativeBlankForStudentsWhoDidNotDrawItAndTheAttemptCsvListsTheirOwn() throws Exception {
        Student dee = start("pd", seedDrawing("2.4b"));
        save(dee, "{\"2.4b\": \"9\"}").andExpect(status().isOk());
        attempts.submit(dee.attemptId(), dee.accountId(), null);

        String csv = new String(mvc.perform(get("/admin/quizzes/{id}/results.csv", QUIZ).with(user(ta)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        List<CSVRecord> records = ExportAndRosterTest.parse(csv);
        List<String> header = records.get(0).toList();
        assertThat(header).containsSubsequence("2.3", "2.4a", "2.4b");
        CSVRecord row = records.stream().filter(r -> r.get(0).equals(dee.netId())).findFirst().orElseThrow();
        assertThat(row.get(header.indexOf("2.4b"))).isEqualTo("2");
        assertThat(row.get(header.indexOf("2.4a"))).isEmpty();
        assertThat(row.get(header.indexOf("max"))).isEqualTo("11");

        // the attempt's own CSV lists the student's questions only
        String attemptCsv = new String(mvc.perform(get("/admin/quizzes/{q}/attempts/{a}.csv", QUIZ, dee.attemptId()).with(user(ta)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(ExportAndRosterTest.parse(attemptCsv)).extracting(r -> r.get(0)).contains("2.4b").doesNotContain("2.4a");
    }

    @Test
    void theStatisticsPageShowsThePoolsAlternatives() throws Exception {
        Student eve = start("pe", seedDrawing("2.4a"));
        attempts.submit(eve.attemptId(), eve.accountId(), null);

        String page = mvc.perform(get("/admin/quizzes/{id}/statistics", QUIZ).with(user(ta)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Pool 2.4 (each student gets 1)").contains("id=\"pool-2.4\"")
                .contains("Too few attempts per alternative to compare them yet.");
    }

    @Test
    void staffPreviewAnySeedWithTheKeyAndAStudentGets403() throws Exception {
        long seed = seedDrawing("2.4b");
        StudentVersion version = StudentVersion.of(catalog.currentOrThrow(QUIZ).quiz(), seed);
        for (UserDetails staff : List.of(instructor, ta)) {
            String page = mvc.perform(get("/admin/quizzes/{id}/preview", QUIZ).param("seed", String.valueOf(seed)).with(user(staff)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("data-question=\"2.4b\"").doesNotContain("data-question=\"2.4a\"")
                    .contains("id=\"key-2.4b\"").contains("<span class=\"no-math\">9</span>")
                    .contains(version.label("2.1", "A") + ", " + version.label("2.1", "B")).contains("disabled")
                    .contains("Pool 2.4: 1 of 2 alternatives; this version has 2.4b.");
        }
        String fileOrder = mvc.perform(get("/admin/quizzes/{id}/preview", QUIZ).with(user(ta)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fileOrder).contains("data-question=\"2.4a\"").contains("The file&#39;s order (seed 0)");
        String notANumber = mvc.perform(get("/admin/quizzes/{id}/preview", QUIZ).param("seed", "forty-two").with(user(ta)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(notANumber).contains("A seed is a whole number");

        Student fay = start("pf", seed);
        mvc.perform(get("/admin/quizzes/{id}/preview", QUIZ).with(fay.session())).andExpect(status().isForbidden());
    }

    @Test
    void theVersionOfStudentXIsTheirAttemptsAndAStudentWithoutOneIsToldSo() throws Exception {
        Student gus = start("pg", seedDrawing("2.4b"));
        String page = mvc.perform(get("/admin/quizzes/{id}/preview", QUIZ).param("student", gus.netId()).with(user(ta)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The version of " + gus.netId()).contains("data-question=\"2.4b\"")
                .contains(String.valueOf(gus.seed()));

        String none = mvc.perform(get("/admin/quizzes/{id}/preview", QUIZ).param("student", "nobody-here").with(user(ta)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(none).contains("nobody-here has no attempt at this quiz");

        mvc.perform(get("/admin/quizzes/{id}/preview", "no-such-quiz").with(user(ta))).andExpect(status().isNotFound());
    }

    private record Student(String netId, long accountId, long attemptId, long seed, RequestPostProcessor session) {
    }

    /** A started attempt on the given seed (set before anything reads the attempt, as its facts are cached). */
    private Student start(String prefix, long seed) throws Exception {
        String name = prefix + System.nanoTime();
        long accountId = accounts.create(name, "Student " + prefix, null, "AA", Role.STUDENT, PASSWORD).id();
        long attemptId = attempts.start(QUIZ, accountId, "Student " + prefix).getId();
        jdbc.update("update attempt set version_seed = ? where id = ?", seed, attemptId);
        return new Student(name, accountId, attemptId, seed, signIn(mvc, name, PASSWORD));
    }

    /** The first seed whose version draws the alternative. */
    private long seedDrawing(String alternative) {
        Quiz quiz = catalog.currentOrThrow(QUIZ).quiz();
        long seed = 1;
        while (!StudentVersion.of(quiz, seed).has(alternative)) {
            seed++;
        }
        return seed;
    }

    private org.springframework.test.web.servlet.ResultActions save(Student student, String json) throws Exception {
        return mvc.perform(put("/api/attempts/{id}/answers", student.attemptId()).with(student.session()).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String page(Student student) throws Exception {
        return mvc.perform(get("/attempts/{id}", student.attemptId()).with(student.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private Map<String, String> scores(Student student) {
        return jdbc.queryForList("select question_id, score from question_score where attempt_id = ?", student.attemptId())
                .stream().collect(Collectors.toMap(r -> (String) r.get("QUESTION_ID"),
                        r -> r.get("SCORE") == null ? "pending" : ((java.math.BigDecimal) r.get("SCORE")).setScale(2).toPlainString()));
    }
}
