package org.quizdesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sign-in contract of the quiz page's sign-in dialog: a CSRF token by JSON, and JSON answers instead of redirects.
 * Sessions are Spring Session's, found by the {@code SESSION} cookie, so each request carries that cookie.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class JsonSignInTest {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;

    @Test
    void aSignedOutPageGetsATokenSignsInWithJsonAndThenGetsANewToken() throws Exception {
        accounts.create("dialog1", "Dialog Student", null, "AA", Role.STUDENT, "right-password");
        var csrf = mvc.perform(get("/api/csrf"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.header").value("X-CSRF-TOKEN"))
                .andExpect(jsonPath("$.parameter").value("_csrf"))
                .andReturn().getResponse();
        Cookie session = csrf.getCookie("SESSION");
        String token = JsonPath.read(csrf.getContentAsString(), "$.token");

        var signedIn = mvc.perform(post("/signin").cookie(session).accept(MediaType.APPLICATION_JSON)
                        .param("username", "Dialog1").param("password", "right-password").param("_csrf", token))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(jsonPath("$.signedIn").value(true))
                .andExpect(jsonPath("$.username").value("dialog1"))
                .andReturn();
        Cookie after = signedIn.getResponse().getCookie("SESSION");

        String newToken = JsonPath.read(mvc.perform(get("/api/csrf").cookie(after)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$.token");
        assertThat(newToken).isNotBlank();
        // the old token died with the anonymous session's sign-in; the new one works for the JSON API
        mvc.perform(get("/api/attempts/999999/status").cookie(after)).andExpect(status().is(not(401)));
    }

    @Test
    void aWrongPasswordIs401WithAReasonAndNoRedirect() throws Exception {
        accounts.create("dialog2", "Dialog Student", null, "AA", Role.STUDENT, "right-password");
        var csrf = mvc.perform(get("/api/csrf")).andReturn().getResponse();
        Cookie session = csrf.getCookie("SESSION");
        String token = JsonPath.read(csrf.getContentAsString(), "$.token");
        mvc.perform(post("/signin").cookie(session).header("Accept", "application/json")
                        .param("username", "dialog2").param("password", "wrong").param("_csrf", token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("bad_credentials"))
                .andExpect(jsonPath("$.message").isNotEmpty());
    }

    @Test
    void aBrowserWithoutTheJsonAcceptHeaderKeepsItsRedirects() throws Exception {
        accounts.create("dialog3", "Dialog Student", null, "AA", Role.STUDENT, "right-password");
        var csrf = mvc.perform(get("/api/csrf")).andReturn().getResponse();
        Cookie session = csrf.getCookie("SESSION");
        String token = JsonPath.read(csrf.getContentAsString(), "$.token");
        mvc.perform(post("/signin").cookie(session).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .param("username", "dialog3").param("password", "wrong").param("_csrf", token))
                .andExpect(redirectedUrl("/signin?error"));
        mvc.perform(post("/signin").cookie(session).header("Accept", "text/html,*/*;q=0.8")
                        .param("username", "dialog3").param("password", "right-password").param("_csrf", token))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void everyResponseKeepsTheReferrerOnThisSite() throws Exception {
        mvc.perform(get("/signin")).andExpect(header().string("Referrer-Policy", "same-origin"));
        mvc.perform(get("/api/csrf")).andExpect(header().string("Referrer-Policy", "same-origin"));
        mvc.perform(get("/")).andExpect(header().string("Referrer-Policy", "same-origin"));
    }
}
