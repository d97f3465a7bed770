package org.quizdesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class SignInTest {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AccountRepository repository;
    @Autowired MutableClock clock;

    @Test
    void signingInGivesANewSessionIdAndSendsStudentsToTheirQuizzes() throws Exception {
        accounts.create("fresh1", "Fresh Student", null, "AA", Role.STUDENT, "right-password");
        Cookie before = mvc.perform(get("/signin")).andReturn().getResponse().getCookie("SESSION");
        assertThat(before).as("a session before signing in").isNotNull();

        MvcResult result = mvc.perform(post("/signin").param("username", "fresh1").param("password", "right-password")
                        .with(csrf()).cookie(before))
                .andExpect(redirectedUrl("/")).andReturn();
        Cookie after = result.getResponse().getCookie("SESSION");
        assertThat(after).as("the session cookie set at sign-in").isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
    }

    @Test
    void theInstructorAccountIsCreatedOnFirstStartWithTheConfiguredPassword() throws Exception {
        mvc.perform(formLogin("/signin").user("instructor").password("test-instructor-password")).andExpect(redirectedUrl("/"));
        assertThat(repository.findByUsername("instructor")).hasValueSatisfying(a -> assertThat(a.getRole()).isEqualTo(Role.INSTRUCTOR));
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhileAndThePageSaysSo() throws Exception {
        clock.set(MutableClockConfiguration.START);
        accounts.create("guessed", "Guessed Student", null, "AA", Role.STUDENT, "right-password");
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/signin").user("guessed").password("wrong-" + i)).andExpect(redirectedUrl("/signin?error"));
        }
        mvc.perform(formLogin("/signin").user("guessed").password("right-password")).andExpect(redirectedUrl("/signin?locked"));
        mvc.perform(get("/signin").param("locked", ""))
                .andExpect(content().string(containsString("Too many failed sign-ins")));

        clock.advance(Duration.ofMinutes(6));
        mvc.perform(formLogin("/signin").user("guessed").password("right-password")).andExpect(redirectedUrl("/"));
        assertThat(repository.findByUsername("guessed").orElseThrow().getFailedSignIns()).isZero();
    }

    @Test
    void anAddressWithManyFailuresIsPausedWhateverTheAccount() throws Exception {
        clock.set(MutableClockConfiguration.START.plus(Duration.ofDays(1)));
        accounts.create("innocent", "Innocent Student", null, "AA", Role.STUDENT, "right-password");
        for (int i = 0; i < 20; i++) {
            mvc.perform(signIn("nobody" + i, "x", "203.0.113.9")).andExpect(redirectedUrl("/signin?error"));
        }
        mvc.perform(signIn("innocent", "right-password", "203.0.113.9")).andExpect(redirectedUrl("/signin?locked"));
        mvc.perform(signIn("innocent", "right-password", "198.51.100.4")).andExpect(redirectedUrl("/"));
    }

    private static MockHttpServletRequestBuilder signIn(String username, String password, String address) {
        return post("/signin").with(csrf()).param("username", username).param("password", password)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    @Test
    void everyPageSendsAContentSecurityPolicyWithoutInlineScriptAndSignInNeedsCsrf() throws Exception {
        mvc.perform(get("/signin"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")));
        mvc.perform(post("/signin").param("username", "instructor").param("password", "test-instructor-password"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/signin").with(csrf()).param("username", "instructor").param("password", "test-instructor-password"))
                .andExpect(redirectedUrl("/"));
    }
}
