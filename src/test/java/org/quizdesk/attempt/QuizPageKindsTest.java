package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.quiz.QuestionKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The quiz page tells answer-sheet.js each question's kind by the name quiz files use, and draws its fields. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class QuizPageKindsTest {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AttemptService attempts;
    @Autowired UserDetailsService users;

    @Test
    void everyQuestionCarriesItsKindsFileNameAndTheFieldsOfThatKind() throws Exception {
        String netId = "kinds" + System.nanoTime();
        long accountId = accounts.create(netId, "Kind Reader", null, "AA", Role.STUDENT, "pw").id();
        long id = attempts.start(AttemptWebTest.QUIZ, accountId, "Kind Reader").getId();

        String page = mvc.perform(get("/attempts/{id}", id).with(user(users.loadUserByUsername(netId))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        for (QuestionKind kind : QuestionKind.values()) {
            assertThat(page).contains("data-kind=\"" + kind.fileName() + "\"");
        }
        assertThat(page).contains("id=\"a-1.1-true\"", "id=\"a-2.1-A\"", "<input type=\"text\" id=\"a-3.1.1\"",
                "<textarea id=\"a-3.1.4\"", "(1 point)", "(4 points)");
    }
}
