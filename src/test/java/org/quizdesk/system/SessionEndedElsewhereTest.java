package org.quizdesk.system;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A session signed out on another node is signed out for the next request, even when the same server thread
 * served the request before it: what the session repository keeps of a save lasts one dispatch
 * ({@link LastAccessThrottlingSessionRepository}). MockMvc runs every request on the test's thread.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class SessionEndedElsewhereTest {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired JdbcIndexedSessionRepository stored;

    @Test
    void theNextRequestOnTheSameThreadSeesTheSessionGone() throws Exception {
        String username = "elsewhere" + System.nanoTime();
        accounts.create(username, "Signed Elsewhere", null, "AA", Role.STUDENT, "right-password");
        Cookie session = mvc.perform(formLogin("/signin").user(username).password("right-password"))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");

        // a page: the session is saved when the view is flushed and again at the end
        mvc.perform(get("/quizzes").cookie(session)).andExpect(status().isOk());
        // signed out on another node: its row is gone
        stored.deleteById(new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8));

        mvc.perform(get("/quizzes").cookie(session)).andExpect(redirectedUrl("/signin"));
    }
}
