package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** A quiz that does not exist is one 404, the same on the students' pages, the staff panel and the exports. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class WebErrorsTest {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;

    @Test
    void anUnknownQuizIsNotFoundWithItsNameOnEveryPage() throws Exception {
        UserDetails instructor = signedIn(Role.INSTRUCTOR);
        for (String page : List.of("/admin/quizzes/no-such-quiz/results", "/admin/quizzes/no-such-quiz/settings",
                "/admin/quizzes/no-such-quiz/grading", "/admin/quizzes/no-such-quiz/regrade",
                "/admin/quizzes/no-such-quiz/statistics", "/admin/quizzes/no-such-quiz/results.csv")) {
            String body = mvc.perform(get(page).with(user(instructor))).andExpect(status().isNotFound())
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).as(page).contains("There is no quiz &quot;no-such-quiz&quot;.");
        }
        mvc.perform(get("/quizzes/no-such-quiz").with(user(signedIn(Role.STUDENT)))).andExpect(status().isNotFound());
    }

    private UserDetails signedIn(Role role) {
        String netId = "errors" + System.nanoTime();
        accounts.create(netId, "Error Reader", null, "AA", role, "a-password-123");
        return users.loadUserByUsername(netId);
    }
}
