package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.web.servlet.MvcResult;

/**
 * The quiz page's questions rendered once for a class ({@link QuizPageSections}) are the markup the page's own
 * template renders. Same context as {@link AttemptWebTest}.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class QuizPageSectionsTest {

    static final String QUIZ = AttemptWebTest.QUIZ;

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AttemptService attempts;
    @Autowired QuizSettingsRepository settings;
    @Autowired UserDetailsService users;

    @BeforeEach
    void openQuiz() {
        QuizSettingsRow quiz = settings.findById(QUIZ).orElseThrow();
        quiz.setPublished(true);
        quiz.setWindow(null, null);
        quiz.setTimeLimitSeconds(null);
        settings.save(quiz);
    }

    @Test
    void aBlankPageSharesTheQuestionsRenderedOnceAndTheyAreWhatThePageRendersWithAnswers() throws Exception {
        Student ada = start("Ada Lovelace");
        Student alan = start("Alan Turing");

        MvcResult adaBlank = page(ada);
        assertThat(adaBlank.getModelAndView().getModel()).as("a page with nothing filled in takes the stored questions")
                .containsKey("sectionsHtml");
        String blank = sections(adaBlank);
        assertThat(blank).contains("name=\"answer:2.1\"").contains("id=\"section-0\"");
        assertThat(sections(page(alan))).as("another student of the class gets the same questions").isEqualTo(blank);

        attempts.save(ada.attemptId(), ada.accountId(), "{\"1.1\":false}");
        MvcResult adaAnswered = page(ada);
        assertThat(adaAnswered.getModelAndView().getModel()).as("a page with answers renders its own")
                .doesNotContainKey("sectionsHtml");
        String answered = sections(adaAnswered);
        assertThat(answered).contains("id=\"a-1.1-false\"").isNotEqualTo(blank);
        assertThat(withoutChecks(answered)).as("the same markup but for the answers filled in").isEqualTo(withoutChecks(blank));
    }

    @Test
    void theStoredQuestionsFollowThePagesLanguage() throws Exception {
        Student ada = start("Ada Lovelace");
        String english = sections(mvc.perform(get("/attempts/{id}", ada.attemptId()).with(user(ada.user())).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn());
        String other = sections(mvc.perform(get("/attempts/{id}", ada.attemptId()).with(user(ada.user())).header("Accept-Language", "de"))
                .andExpect(status().isOk()).andExpect(model().attributeExists("sectionsHtml")).andReturn());
        assertThat(english).contains("Choose all that apply.");
        assertThat(other).doesNotContain("Choose all that apply.");
    }

    record Student(long accountId, long attemptId, UserDetails user) {
    }

    private Student start(String fullName) {
        String name = "qs" + System.nanoTime();
        long accountId = accounts.create(name, fullName, null, "AA", Role.STUDENT, "pw").id();
        return new Student(accountId, attempts.start(QUIZ, accountId, fullName).getId(), users.loadUserByUsername(name));
    }

    private MvcResult page(Student student) throws Exception {
        return mvc.perform(get("/attempts/{id}", student.attemptId()).with(user(student.user()))).andExpect(status().isOk()).andReturn();
    }

    /** From the first section to the buttons after the last. */
    private static String sections(MvcResult page) throws Exception {
        String html = page.getResponse().getContentAsString();
        int from = html.indexOf("<section class=\"quiz-section\"");
        int to = html.indexOf("<div class=\"actions\">");
        assertThat(from).isPositive();
        assertThat(to).isGreaterThan(from);
        return html.substring(from, to).strip();
    }

    private static String withoutChecks(String html) {
        return html.replace(" checked=\"checked\"", "");
    }
}
