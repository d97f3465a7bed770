package org.quizdesk.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A real sign-in through the sign-in form, and its session for the requests after it: unlike {@code with(user())},
 * the requests then carry only the session cookie, so whatever the server does to the session is what they see.
 */
public final class RealSignIn {

    private RealSignIn() {
    }

    public static RequestPostProcessor signIn(MockMvc mvc, String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/signin").user(username).password(password)).andExpect(redirectedUrl("/")).andReturn();
        Cookie[] cookies = result.getResponse().getCookies();
        if (cookies.length == 0) {
            throw new IllegalStateException("The sign-in set no session cookie: are sessions kept by Spring Session?");
        }
        return request -> {
            request.setCookies(cookies);
            return request;
        };
    }
}
