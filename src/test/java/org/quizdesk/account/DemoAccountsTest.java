package org.quizdesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizdesk.testsupport.RealSignIn.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizdesk.account.internal.AccountRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code demo} profile as the README runs it (on an in-memory database): demo accounts with a warning and the
 * seed quiz takeable; a later start without the flag disables them and ends their sessions.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:demo-${random.uuid};DB_CLOSE_DELAY=-1",
        "quizdesk.accounts.instructor-password=test-instructor-password", "quizdesk.attempts.expiry-check-interval=1h"})
@ActiveProfiles("demo")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class DemoAccountsTest {

    static final String SEED_QUIZ = "cse493g1-au24-quiz2";
    static final List<String> DEMO = List.of("student1", "student2", "student3", "student4", "student5", "ta1");

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired AccountService service;
    @Autowired AccountSessions sessions;
    @Autowired TransactionTemplate transactions;
    @Autowired PasswordEncoder passwordEncoder;

    AccountBootstrap startWithDemoAccounts(boolean on) {
        return new AccountBootstrap(accounts, service,
                new AccountProperties("instructor", "test-instructor-password", on, 5, Duration.ofMinutes(5), 0,
                        Duration.ofSeconds(1), Duration.ofDays(180)), sessions, transactions, passwordEncoder);
    }

    @Test
    void theDemoProfileCreatesMarkedDemoAccountsWithAWarningAndTheSeedQuizCanBeTaken(CapturedOutput log) throws Exception {
        assertThat(DEMO).allSatisfy(name -> assertThat(accounts.findByUsername(name))
                .hasValueSatisfying(a -> assertThat(a.isDemo() && a.isEnabled()).isTrue()));
        assertThat(accounts.findByUsername("instructor").orElseThrow().isDemo()).isFalse();
        startWithDemoAccounts(true).run(null);
        assertThat(log.getOut()).contains("WARN").contains("DEMO ACCOUNTS ARE ON");

        RequestPostProcessor student = signIn(mvc, "student2", AccountBootstrap.DEMO_PASSWORD);
        mvc.perform(get("/quizzes").with(student)).andExpect(status().isOk());
        mvc.perform(post("/quizzes/" + SEED_QUIZ + "/start").param("agree", "true").param("signature", "Alan Turing")
                .with(student).with(csrf())).andExpect(redirectedUrlPattern("/attempts/*"));
    }

    @Test
    void aStartWithoutTheFlagDisablesTheDemoAccountsAndEndsTheirSessions(CapturedOutput log) throws Exception {
        RequestPostProcessor ta = signIn(mvc, "ta1", AccountBootstrap.DEMO_PASSWORD);
        mvc.perform(get("/admin").with(ta)).andExpect(status().isOk());
        try {
            startWithDemoAccounts(false).run(null);

            assertThat(DEMO).allSatisfy(name -> assertThat(accounts.findByUsername(name).orElseThrow().isEnabled()).isFalse());
            assertThat(accounts.findByUsername("instructor").orElseThrow().isEnabled()).isTrue();
            assertThat(log.getOut()).contains("Disabled the demo accounts");
            mvc.perform(get("/admin").with(ta)).andExpect(redirectedUrl("/signin"));
            mvc.perform(formLogin("/signin").user("ta1").password(AccountBootstrap.DEMO_PASSWORD)).andExpect(redirectedUrl("/signin?disabled"));
            mvc.perform(formLogin("/signin").user("student1").password(AccountBootstrap.DEMO_PASSWORD)).andExpect(redirectedUrl("/signin?disabled"));
        } finally {
            startWithDemoAccounts(true).run(null);
        }
        // asked for again, they come back
        mvc.perform(formLogin("/signin").user("ta1").password(AccountBootstrap.DEMO_PASSWORD)).andExpect(redirectedUrl("/"));
    }
}
