package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The audit log's page on the actions page and in the control room is bound from ?log=N; an odd value shows the first. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ProctorLogPageTest {

    static final String NEWER = "log=0#actions\">Newer</a>";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;

    @Test
    void theSecondPageLinksToTheFirstAndAnOddValueShowsTheFirstPage() throws Exception {
        UserDetails instructor = users.loadUserByUsername("instructor");
        for (String page : new String[] {"/admin/quizzes/" + StaffFixtures.QUIZ + "/actions",
                "/admin/quizzes/" + StaffFixtures.QUIZ + "/live"}) {
            assertThat(html(page + "?log=1", instructor)).as(page).contains(NEWER, "name=\"back\" value=\"" + page + "\"");
            for (String odd : new String[] {"", "?log=0", "?log=-1", "?log=abc", "?log=100001"}) {
                assertThat(html(page + odd, instructor)).as(page + odd).contains("id=\"actions\"").doesNotContain(NEWER);
            }
        }
    }

    private String html(String address, UserDetails staff) throws Exception {
        return mvc.perform(get(address).with(user(staff))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
