package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The words of a released review's answers and keys are in the student's language (the same context as KeyFreeReviewTest). */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ReviewLanguageTest {

    static final String QUIZ = "cse493g1-au24-quiz2";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AttemptService attempts;
    @Autowired QuizSettingsRepository settings;
    @Autowired UserDetailsService users;

    @AfterEach
    void nothingReleased() {
        release(false);
    }

    @Test
    void aGermanStudentReadsTheAnswersAndTheKeyInGermanAndAnEnglishOneInEnglish() throws Exception {
        String name = "rl" + System.nanoTime();
        long accountId = accounts.create(name, "Rita Lang", null, "AA", Role.STUDENT, "pw").id();
        UserDetails student = users.loadUserByUsername(name);
        long id = attempts.start(QUIZ, accountId, "Rita Lang").getId();
        attempts.save(id, accountId, "{\"1.1\": true}");
        attempts.submit(id, accountId, null);
        release(true);

        String german = review(id, student, "de");
        // 1.1 answered True, key False; 1.2 blank; 2.2 has an option accepted either way; 3.1.4 is graded by hand
        assertThat(german).contains("<html lang=\"de\">", ">Wahr</span>", ">Falsch</span>", ">(keine Antwort)</span>",
                "wird so oder so akzeptiert", "Von Hand bewertet; siehe die Musterlösung.");
        assertThat(german).doesNotContain(">True</span>", ">False</span>", "(blank)", "accepted either way", "Graded by hand");

        String english = review(id, student, "en");
        assertThat(english).contains("<html lang=\"en\">", ">True</span>", ">False</span>", ">(blank)</span>",
                "accepted either way)", "Graded by hand; see the solution.");
    }

    private String review(long id, UserDetails student, String language) throws Exception {
        return mvc.perform(get("/attempts/{id}/review", id).with(user(student)).header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private void release(boolean released) {
        QuizSettingsRow quiz = settings.findById(QUIZ).orElseThrow();
        quiz.setScoresReleased(released);
        quiz.setSolutionsReleased(released);
        settings.save(quiz);
    }
}
