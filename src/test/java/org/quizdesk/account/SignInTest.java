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
import org.quizdesk.account.internal.AccountRepository;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    @Autowired SignInThrottle throttle;
    @Autowired JdbcClient jdbc;

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
    void withoutAUniversityProviderTheSignInPageIsThePasswordFormAloneAndNoProviderPathAnswers() throws Exception {
        mvc.perform(get("/signin")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/oauth2/authorization/"))))
                .andExpect(content().string(containsString("id=\"password\"")));
        // nothing handles the sign-in's paths: like any other page, they ask to sign in
        mvc.perform(get("/oauth2/authorization/uni")).andExpect(redirectedUrl("/signin"));
        mvc.perform(get("/login/oauth2/code/uni").param("code", "x").param("state", "y"))
                .andExpect(redirectedUrl("/signin"));
    }

    @Test
    void theInstructorAccountIsCreatedOnFirstStartWithTheConfiguredPassword() throws Exception {
        mvc.perform(formLogin("/signin").user("instructor").password("test-instructor-password")).andExpect(redirectedUrl("/"));
        assertThat(repository.findByUsername("instructor")).hasValueSatisfying(a -> assertThat(a.getRole()).isEqualTo(Role.INSTRUCTOR));
    }

    @Test
    void fiveFailuresPauseTheFailingSourceButNotTheOwnerElsewhereAndThePageSaysHowLong() throws Exception {
        clock.set(MutableClockConfiguration.START.plus(Duration.ofDays(2)));
        accounts.create("guessed", "Guessed Student", null, "AA", Role.STUDENT, "right-password");
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn("guessed", "wrong-" + i, "198.51.100.20")).andExpect(redirectedUrl("/signin?error"));
        }
        // the classmate's address is paused for this net id, even with the right password...
        mvc.perform(signIn("guessed", "right-password", "198.51.100.20"))
                .andExpect(redirectedUrl("/signin?locked=device&minutes=5"));
        mvc.perform(get("/signin").param("locked", "device").param("minutes", "5"))
                .andExpect(content().string(containsString("Too many failed sign-ins for this net ID from this device.")))
                .andExpect(content().string(containsString("Try again in <span>5</span>")));
        // a hand-edited address still gets a calm page
        mvc.perform(get("/signin").param("locked", "<b>x</b>").param("minutes", "soon"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please wait a few minutes")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<b>x</b>"))));
        // ...but the owner, from their own address, signs in at once (today's code locked the account itself)
        mvc.perform(signIn("guessed", "right-password", "198.51.100.21")).andExpect(redirectedUrl("/"));

        clock.advance(Duration.ofMinutes(6));
        mvc.perform(signIn("guessed", "right-password", "198.51.100.20")).andExpect(redirectedUrl("/"));
    }

    @Test
    void aTrustedDeviceSignsInEvenFromTheAddressThatIsFailing() throws Exception {
        clock.set(MutableClockConfiguration.START.plus(Duration.ofDays(3)));
        accounts.create("owner1", "Owner Student", null, "AA", Role.STUDENT, "right-password");
        Cookie device = mvc.perform(signIn("owner1", "right-password", "198.51.100.30")).andExpect(redirectedUrl("/"))
                .andReturn().getResponse().getCookie(TrustedDevices.COOKIE);
        assertThat(device).isNotNull();
        assertThat(device.isHttpOnly()).isTrue();
        for (int i = 0; i < 25; i++) {
            mvc.perform(signIn("owner1", "wrong-" + i, "198.51.100.30"));
        }
        mvc.perform(signIn("owner1", "right-password", "198.51.100.30")).andExpect(redirectedUrl("/signin?locked=device&minutes=5"));
        mvc.perform(signIn("owner1", "right-password", "198.51.100.30").cookie(device)).andExpect(redirectedUrl("/"));
        // a forged or foreign cookie is no cookie: another net id's device cookie does not help
        mvc.perform(signIn("owner1", "right-password", "198.51.100.30")
                .cookie(new Cookie(TrustedDevices.COOKIE, tampered(device.getValue()))))
                .andExpect(redirectedUrl("/signin?locked=device&minutes=5"));
    }

    @Test
    void anAddressWithManyFailuresIsPausedWhateverTheAccount() throws Exception {
        clock.set(MutableClockConfiguration.START.plus(Duration.ofDays(1)));
        accounts.create("innocent", "Innocent Student", null, "AA", Role.STUDENT, "right-password");
        for (int i = 0; i < 20; i++) {
            mvc.perform(signIn("nobody" + i, "x", "203.0.113.9")).andExpect(redirectedUrl("/signin?error"));
        }
        mvc.perform(signIn("innocent", "right-password", "203.0.113.9")).andExpect(redirectedUrl("/signin?locked=network&minutes=5"));
        mvc.perform(signIn("innocent", "right-password", "198.51.100.4")).andExpect(redirectedUrl("/"));
    }

    @Test
    void countersWhoseWindowEndedAreDeleted() throws Exception {
        clock.set(MutableClockConfiguration.START.plus(Duration.ofDays(4)));
        mvc.perform(signIn("nobody-here", "x", "198.51.100.40")).andExpect(redirectedUrl("/signin?error"));
        assertThat(counterRows("%198.51.100.40")).isEqualTo(2);

        clock.advance(Duration.ofMinutes(4));
        throttle.forgetEndedWindows();
        assertThat(counterRows("%198.51.100.40")).isEqualTo(2);
        clock.advance(Duration.ofMinutes(2));
        throttle.forgetEndedWindows();
        assertThat(counterRows("%198.51.100.40")).isZero();
    }

    private int counterRows(String keyPattern) {
        return jdbc.sql("select count(*) from sign_in_counter where counter_key like ?").param(keyPattern).query(Integer.class).single();
    }

    private static String tampered(String cookie) {
        return cookie.substring(0, cookie.length() - 2) + (cookie.endsWith("AA") ? "BB" : "AA");
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
                .andExpect(redirectedUrl("/"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }
}
