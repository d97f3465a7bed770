package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** An attempt that does not exist, asked for on a staff page or download of any feature: one 404 answer that says so. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class AttemptNotFoundTest {

    static final long NO_SUCH_ATTEMPT = 987_654_321L;

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;
    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;

    @Test
    void theAttemptPageTheDownloadsAndTheGradingPageAnswer404WithTheErrorPageThatSaysSo() throws Exception {
        var ta = new StaffFixtures(accounts, users, attempts, attemptRepository).staff(Role.TA);
        for (String address : List.of("/admin/attempts/" + NO_SUCH_ATTEMPT,
                "/admin/quizzes/" + StaffFixtures.QUIZ + "/attempts/" + NO_SUCH_ATTEMPT + ".csv",
                "/admin/attempts/" + NO_SUCH_ATTEMPT + "/timeline.csv",
                "/admin/quizzes/" + StaffFixtures.QUIZ + "/grading/3.1.4/" + NO_SUCH_ATTEMPT)) {
            String page = mvc.perform(get(address).with(user(ta))).andExpect(status().isNotFound())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).as(address).contains("There is no such attempt (" + NO_SUCH_ATTEMPT + ").");
        }
    }

    @Test
    void aGradingAddressForAQuestionNotGradedByHandAnswers404SayingSo() throws Exception {
        var ta = new StaffFixtures(accounts, users, attempts, attemptRepository).staff(Role.TA);
        String page = mvc.perform(get("/admin/quizzes/" + StaffFixtures.QUIZ + "/grading/1.1/" + NO_SUCH_ATTEMPT).with(user(ta)))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Question 1.1 is not graded by hand in this quiz.");
    }
}
