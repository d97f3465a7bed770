package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizdesk.testsupport.RealSignIn.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.quiz.MultiSelectQuestion;
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
 * The example quiz with shuffles (quizzes/shuffle-example.yaml): each student's page in their own order, the same
 * on every reload; answers saved and graded by the file's keys; the review in the student's letters.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ShuffledQuizWebTest {

    static final String QUIZ = "shuffle-example";
    private static final String PASSWORD = "shuffle-password-1";
    private static final Pattern QUESTION = Pattern.compile("data-question=\"([^\"]+)\"");

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
    void twoStudentsGetTheirOwnOrderAndAReloadKeepsIt() throws Exception {
        Student ada = start("ada");
        Student bob = start("bob");
        assertThat(ada.seed()).isNotZero().isNotEqualTo(bob.seed());
        // two seeds whose versions differ (two random ones may, rarely, coincide)
        seed(ada, 1);
        seed(bob, differentFrom(1));

        String adaPage = page(ada);
        String bobPage = page(bob);
        assertThat(order(adaPage)).isEqualTo(expectedOrder(ada)).isNotEqualTo(order(bobPage));
        assertThat(order(bobPage)).isEqualTo(expectedOrder(bob));
        assertThat(order(page(ada))).as("a reload").isEqualTo(order(adaPage));

        // each checkbox still submits the file's key; the letter shown is the student's
        StudentVersion version = version(ada);
        for (MultiSelectQuestion.Option option : ((MultiSelectQuestion) version.quiz().question("2.1").orElseThrow()).options()) {
            assertThat(adaPage).containsPattern("id=\"a-2.1-" + option.key() + "\" name=\"answer:2.1\"\\s+value=\"" + option.key() + "\"");
            assertThat(adaPage).contains("for=\"a-2.1-" + option.key() + "\"><strong>" + version.label("2.1", option.key()) + ":</strong>");
        }
    }

    @Test
    void anAutosaveWithTheFilesKeysIsTakenAndGradedAndTheReviewShowsTheStudentsLetters() throws Exception {
        Student ada = start("cy");
        // a version in which 1.2's A and C show other letters
        var quiz = catalog.currentOrThrow(QUIZ).quiz();
        long seed = 1;
        while (StudentVersion.of(quiz, seed).label("1.2", "A").equals("A") || StudentVersion.of(quiz, seed).label("1.2", "C").equals("C")) {
            seed++;
        }
        seed(ada, seed);
        StudentVersion version = version(ada);
        // 2.1's key is A and B in the file; 1.2's is A and C
        mvc.perform(put("/api/attempts/{id}/answers", ada.attemptId()).with(ada.session()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"2.1\": [\"B\", \"A\"], \"1.2\": [\"A\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.saved").value(true));
        attempts.submit(ada.attemptId(), ada.accountId(), null);

        assertThat(score(ada, "2.1")).isEqualTo("2.00");
        assertThat(score(ada, "1.2")).isEqualTo("1.00");

        release(true, false);
        String review = mvc.perform(get("/attempts/{id}/review", ada.attemptId()).with(ada.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(review).doesNotContain("Key:").doesNotContain("missed");
        assertThat(optionLetters(review, "2.1")).containsExactly("A", "B", "C");
        assertThat(selectedLetters(review)).contains(version.label("2.1", "A"), version.label("2.1", "B"));

        release(true, true);
        String solutions = mvc.perform(get("/attempts/{id}/review", ada.attemptId()).with(ada.session()))
                .andReturn().getResponse().getContentAsString();
        String seenC = version.label("1.2", "C");
        assertThat(solutions).contains("<li>missed " + seenC + "</li>");

        String staff = mvc.perform(get("/admin/attempts/{id}", ada.attemptId())
                        .with(user(users.loadUserByUsername("instructor"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the staff page names each option both ways: what the student saw and the file's key
        assertThat(staff).contains("<span class=\"answer admin-answer no-math\">" + version.label("1.2", "A") + " (file: A)</span>")
                .contains(version.label("1.2", "C") + " (file: C)")
                .contains(String.valueOf(version.seed()));
    }

    @Test
    void thePlainFormSaveWithoutJavaScriptSendsTheFilesKeys() throws Exception {
        Student student = start("dee");
        seed(student, differentFrom(StudentVersion.FILE_ORDER));
        // the checkboxes' values are the file's keys, whatever letters the page shows
        mvc.perform(post("/attempts/{id}/save", student.attemptId()).with(student.session()).with(csrf())
                        .param("answer:2.1", "B").param("answer:2.1", "A").param("next", ""))
                .andExpect(status().is3xxRedirection());

        assertThat(attempts.find(student.attemptId(), student.accountId()).orElseThrow().getAnswers())
                .contains("\"2.1\":[\"A\",\"B\"]");
    }

    @Test
    void theSeedQuizPageIsInTheFilesOrderWithTheFilesKeys() throws Exception {
        String name = "seedq" + System.nanoTime();
        long accountId = accounts.create(name, "Seed Quiz", null, "AA", Role.STUDENT, PASSWORD).id();
        long id = attempts.start("cse493g1-au24-quiz2", accountId, "Seed Quiz").getId();
        String page = mvc.perform(get("/attempts/{id}", id).with(signIn(mvc, name, PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(questionIds(page)).isEqualTo(List.of("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1.1", "3.1.2", "3.1.3", "3.1.4"));
        assertThat(page).contains("for=\"a-2.1-A\"><strong>A:</strong>").contains("for=\"a-2.1-D\"><strong>D:</strong>");
    }

    private record Student(long accountId, long attemptId, long seed, RequestPostProcessor session) {
    }

    private Student start(String prefix) throws Exception {
        String name = prefix + System.nanoTime();
        long accountId = accounts.create(name, "Student " + prefix, null, "AA", Role.STUDENT, PASSWORD).id();
        var attempt = attempts.start(QUIZ, accountId, "Student " + prefix);
        return new Student(accountId, attempt.getId(), attempt.getVersionSeed(), signIn(mvc, name, PASSWORD));
    }

    private void seed(Student student, long seed) {
        jdbc.update("update attempt set version_seed = ? where id = ?", seed, student.attemptId());
    }

    private StudentVersion version(Student student) {
        long seed = jdbc.queryForObject("select version_seed from attempt where id = ?", Long.class, student.attemptId());
        return StudentVersion.of(catalog.currentOrThrow(QUIZ).quiz(), seed);
    }

    /** A seed whose order of questions and options differs from that of {@code other}. */
    private long differentFrom(long other) {
        var quiz = catalog.currentOrThrow(QUIZ).quiz();
        List<String> order = orderOf(StudentVersion.of(quiz, other));
        long seed = other + 1;
        while (orderOf(StudentVersion.of(quiz, seed)).equals(order) || seed == StudentVersion.FILE_ORDER) {
            seed++;
        }
        return seed;
    }

    private List<String> expectedOrder(Student student) {
        return orderOf(version(student));
    }

    /** Question ids in page order, then 1.2's and 2.1's option keys in page order. */
    private static List<String> orderOf(StudentVersion version) {
        List<String> order = new ArrayList<>(version.quiz().questions().stream().map(q -> q.id()).toList());
        for (String id : List.of("1.2", "2.1")) {
            order.addAll(((MultiSelectQuestion) version.quiz().question(id).orElseThrow()).options().stream()
                    .map(MultiSelectQuestion.Option::key).toList());
        }
        return order;
    }

    /** The example quiz's page as {@link #orderOf}: question ids, then 1.2's and 2.1's checkbox values in page order. */
    private static List<String> order(String page) {
        List<String> order = questionIds(page);
        for (String id : List.of("1.2", "2.1")) {
            Matcher option = Pattern.compile("name=\"answer:" + Pattern.quote(id) + "\"\\s+value=\"([^\"]+)\"").matcher(page);
            while (option.find()) {
                order.add(option.group(1));
            }
        }
        return order;
    }

    private static List<String> questionIds(String page) {
        List<String> ids = new ArrayList<>();
        Matcher question = QUESTION.matcher(page);
        while (question.find()) {
            ids.add(question.group(1));
        }
        return ids;
    }

    private String page(Student student) throws Exception {
        return mvc.perform(get("/attempts/{id}", student.attemptId()).with(student.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The letters of a question's options on the review, in page order. */
    private static List<String> optionLetters(String review, String questionId) {
        int from = review.indexOf("id=\"q-" + questionId + "\"");
        int to = review.indexOf("</ul>", from);
        Matcher letter = Pattern.compile("<strong>([A-Z]+):</strong>").matcher(review.substring(from, to));
        List<String> letters = new ArrayList<>();
        while (letter.find()) {
            letters.add(letter.group(1));
        }
        return letters;
    }

    private static List<String> selectedLetters(String review) {
        Matcher selected = Pattern.compile("class=\"is-selected\">\\s*<span class=\"mark\">[^<]*</span>\\s*<strong>([A-Z]+):</strong>")
                .matcher(review);
        List<String> letters = new ArrayList<>();
        while (selected.find()) {
            letters.add(selected.group(1));
        }
        return letters;
    }

    private String score(Student student, String questionId) {
        return jdbc.queryForObject("select score from question_score where attempt_id = ? and question_id = ?",
                java.math.BigDecimal.class, student.attemptId(), questionId).setScale(2).toPlainString();
    }

    private void release(boolean scores, boolean solutions) {
        QuizSettingsRow quiz = settings.findById(QUIZ).orElseThrow();
        quiz.setScoresReleased(scores);
        quiz.setSolutionsReleased(solutions);
        settings.save(quiz);
    }
}
