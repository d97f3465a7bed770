package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.cli.StaffCommandLine;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.Points;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.QuizFileReader;
import org.quizdesk.quiz.StudentVersion;
import org.quizdesk.quiz.TrueFalseQuestion;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Score these answers" on the staff preview: the answers typed into a version are scored as `grade` scores them
 * for the same seed, and nothing is stored.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class PreviewScoringTest {

    private static final String QUIZ = "shuffle-example";
    private static final long SEED = 42;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired UserDetailsService users;

    @Test
    void thePreviewScoresASheetAsTheGradeCommandDoesForTheSameSeedAndStoresNothing() throws Exception {
        StudentVersion version = StudentVersion.of(QuizFileReader.read(Path.of("quizzes", QUIZ + ".yaml")), SEED);
        Map<String, Object> answers = new LinkedHashMap<>();
        MockHttpServletRequestBuilder request = post("/admin/quizzes/{id}/preview", QUIZ)
                .param("seed", String.valueOf(SEED)).with(user(users.loadUserByUsername("instructor"))).with(csrf());
        for (Question question : version.quiz().questions()) {
            // a mix of right and wrong: true everywhere, the first two options, a number that fits few keys
            if (question instanceof TrueFalseQuestion) {
                answers.put(question.id(), true);
                request.param("answer:" + question.id(), "true");
            } else if (question instanceof MultiSelectQuestion multi) {
                List<String> keys = multi.options().stream().limit(2).map(MultiSelectQuestion.Option::key).toList();
                answers.put(question.id(), keys);
                request.param("answer:" + question.id(), keys.toArray(String[]::new));
            } else {
                answers.put(question.id(), "12");
                request.param("answer:" + question.id(), "12");
            }
        }
        JsonNode graded = gradeCommand(JSON.writeValueAsString(answers));
        long attemptsBefore = attemptRepository.count();

        String page = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(attemptRepository.count()).as("no attempt is created").isEqualTo(attemptsBefore);
        assertThat(page).contains("Score of these answers: " + points(graded.get("total")) + " of "
                + points(graded.get("max")) + " points.");
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> question : graded.get("questions").properties()) {
            JsonNode score = question.getValue();
            String block = keyBlock(page, question.getKey());
            if (score.get("score").isNull()) {
                assertThat(block).contains("Waits for a grader");
            } else {
                assertThat(block).contains("Score: " + points(score.get("score")) + " of " + points(score.get("max")));
            }
            List<String> reasons = new ArrayList<>();
            score.get("reasons").forEach(r -> reasons.add(r.asString()));
            assertThat(block).contains(HtmlUtils.htmlEscape(String.join("; ", reasons), "UTF-8"));
            checked.add(question.getKey());
        }
        assertThat(checked).as("every question of this version").hasSize(version.quiz().questions().size());
        // the answers stay filled in
        assertThat(page).containsPattern("name=\"answer:1\\.1\"\\s+value=\"true\"\\s+checked");
    }

    @Test
    void answersTheEngineRefusesGetAClearMessageAndStayFilledIn() throws Exception {
        long attemptsBefore = attemptRepository.count();
        String page = mvc.perform(post("/admin/quizzes/{id}/preview", QUIZ).param("seed", "0")
                        .param("answer:1.1", "maybe").param("answer:2.3", "kept text")
                        .with(user(users.loadUserByUsername("instructor"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("These answers cannot be scored: ").contains("1.1")
                .doesNotContain("Score of these answers");
        assertThat(page).containsPattern("name=\"answer:2\\.3\"[^>]*value=\"kept text\"");
        assertThat(attemptRepository.count()).isEqualTo(attemptsBefore);
    }

    @Test
    void staffOnlyAndWithCsrf() throws Exception {
        StaffFixtures fixtures = new StaffFixtures(accounts, users, attempts, attemptRepository);
        UserDetails student = fixtures.signIn(fixtures.student("Stu Dent", "AA"));
        mvc.perform(post("/admin/quizzes/{id}/preview", QUIZ).param("answer:1.1", "true").with(user(student)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/quizzes/{id}/preview", QUIZ).param("answer:1.1", "true")
                .with(user(users.loadUserByUsername("instructor")))).andExpect(status().isForbidden());
        // TAs preview and try answers too
        mvc.perform(post("/admin/quizzes/{id}/preview", QUIZ).param("answer:1.1", "true")
                .with(user(fixtures.staff(Role.TA))).with(csrf())).andExpect(status().isOk());
    }

    /** The key card of one question on the page: its score and reasons. */
    private static String keyBlock(String page, String questionId) {
        int start = page.indexOf("id=\"key-" + questionId + "\"");
        assertThat(start).as("key card of " + questionId).isPositive();
        return page.substring(start, page.indexOf("</div>", start));
    }

    private static String points(JsonNode number) {
        return Points.format(number.decimalValue(), Locale.ENGLISH);
    }

    private static JsonNode gradeCommand(String answersJson) throws Exception {
        Path answers = Files.createTempFile("preview-answers", ".json");
        Files.writeString(answers, answersJson);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StaffCommandLine cli = new StaffCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(cli.run("grade", "quizzes/" + QUIZ + ".yaml", answers.toString(), "--seed", String.valueOf(SEED)))
                .isEqualTo(StaffCommandLine.OK);
        Files.delete(answers);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }
}
