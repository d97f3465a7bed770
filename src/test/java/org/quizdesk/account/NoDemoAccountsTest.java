package org.quizdesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.junit.jupiter.api.Test;
import org.quizdesk.account.internal.AccountRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The default configuration (no profile, only the database moved into memory): no account with a published password. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:nodemo-${random.uuid};DB_CLOSE_DELAY=-1",
        "quizdesk.accounts.instructor-password=test-instructor-password", "quizdesk.attempts.expiry-check-interval=1h"})
@AutoConfigureMockMvc
class NoDemoAccountsTest {

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;

    @Test
    void withoutTheDemoProfileThereAreNoDemoAccounts() throws Exception {
        assertThat(DemoAccountsTest.DEMO).allSatisfy(name -> assertThat(accounts.findByUsername(name)).isEmpty());
        assertThat(accounts.findByDemoTrue()).isEmpty();
        mvc.perform(formLogin("/signin").user("ta1").password(AccountBootstrap.DEMO_PASSWORD)).andExpect(redirectedUrl("/signin?error"));
        mvc.perform(formLogin("/signin").user("student1").password(AccountBootstrap.DEMO_PASSWORD)).andExpect(redirectedUrl("/signin?error"));
    }
}
