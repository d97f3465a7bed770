package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizdesk.testsupport.RealSignIn.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountAdministration;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.account.internal.AccountRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The accounts page: who may use it, and that each action reaches a signed-in account on its next request. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class AccountAdministrationTest {

    static final String PASSWORD = "student-password-1";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AccountRepository accountRows;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountAdministration administration;

    UserDetails instructor() {
        return users.loadUserByUsername("instructor");
    }

    Account student(String name) {
        return accounts.create(StaffFixtures.unique("acc"), name, null, "AA", Role.STUDENT, PASSWORD);
    }

    @Test
    void aTaGetsForbiddenOnTheAccountsPageAndItsActions() throws Exception {
        accounts.create("ta-acc", "Tee Ay", null, null, Role.TA, "ta-password-123");
        UserDetails ta = users.loadUserByUsername("ta-acc");
        Account student = student("Not Touched");
        mvc.perform(get("/admin/accounts").with(user(ta))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/" + student.id() + "/disable").with(user(ta)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/" + student.id() + "/reset-password").with(user(ta)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(accounts.find(student.id()).orElseThrow().enabled()).isTrue();
        assertThat(accountRows.findById(student.id()).orElseThrow().getPasswordHash()).isNotNull();
        // and the staff home page links to it for instructors only
        assertThat(mvc.perform(get("/admin").with(user(ta))).andReturn().getResponse().getContentAsString()).doesNotContain("/admin/accounts");
        assertThat(mvc.perform(get("/admin").with(user(instructor()))).andReturn().getResponse().getContentAsString())
                .contains("/admin/accounts");
    }

    @Test
    void aDisabledStudentIsSignedOutOnTheNextRequestAndCannotSignInUntilReEnabled(CapturedOutput log) throws Exception {
        Account student = student("Dee Sabled");
        RequestPostProcessor session = signIn(mvc, student.username(), PASSWORD);
        mvc.perform(get("/quizzes").with(session)).andExpect(status().isOk());

        mvc.perform(post("/admin/accounts/" + student.id() + "/disable").param("q", "Sabled").with(user(instructor())).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts?q=Sabled"))
                .andExpect(flash().attribute("message", student.username()
                        + " is disabled and signed out; they cannot sign in until re-enabled."));

        mvc.perform(get("/quizzes").with(session)).andExpect(redirectedUrl("/signin"));
        mvc.perform(get("/api/attempts/1/status").with(session)).andExpect(status().isUnauthorized());
        mvc.perform(formLogin("/signin").user(student.username()).password(PASSWORD)).andExpect(redirectedUrl("/signin?disabled"));
        assertThat(log.getOut()).contains("instructor disabled account " + student.username());

        mvc.perform(post("/admin/accounts/" + student.id() + "/enable").with(user(instructor())).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts"));
        mvc.perform(formLogin("/signin").user(student.username()).password(PASSWORD)).andExpect(redirectedUrl("/"));
        assertThat(log.getOut()).contains("instructor re-enabled account " + student.username());
    }

    @Test
    void aPasswordResetSignsTheStudentOutStopsTheOldPasswordAndItsCodeShownOnceSetsANewOne(CapturedOutput log) throws Exception {
        Account student = student("Reese Et");
        RequestPostProcessor session = signIn(mvc, student.username(), PASSWORD);

        MvcResult reset = mvc.perform(post("/admin/accounts/" + student.id() + "/reset-password").with(user(instructor())).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts")).andReturn();
        AccountAdministration.PasswordReset shown = (AccountAdministration.PasswordReset) reset.getFlashMap().get("reset");
        String link = (String) reset.getFlashMap().get("resetLink");
        assertThat(link).isEqualTo("http://localhost/setup-password#code=" + shown.code());

        mvc.perform(get("/quizzes").with(session)).andExpect(redirectedUrl("/signin"));
        mvc.perform(formLogin("/signin").user(student.username()).password(PASSWORD)).andExpect(redirectedUrl("/signin?error"));
        assertThat(log.getOut()).contains("instructor reset the password of account " + student.username())
                .doesNotContain(shown.code());

        // the code is not among the roster's exported codes: it was shown once
        String exported = mvc.perform(get("/admin/roster/setup-codes.csv").with(user(instructor()))).andReturn().getResponse()
                .getContentAsString();
        assertThat(exported).doesNotContain(shown.code());

        mvc.perform(post("/setup-password").param("code", shown.code()).param("password", "a-new-password").param("repeated", "a-new-password")
                .with(csrf())).andExpect(redirectedUrl("/signin"));
        mvc.perform(formLogin("/signin").user(student.username()).password("a-new-password")).andExpect(redirectedUrl("/"));
    }

    @Test
    void endingSessionsSignsTheAccountOutEverywhere() throws Exception {
        Account student = student("Sess Ions");
        RequestPostProcessor laptop = signIn(mvc, student.username(), PASSWORD);
        RequestPostProcessor phone = signIn(mvc, student.username(), PASSWORD);

        mvc.perform(post("/admin/accounts/" + student.id() + "/end-sessions").with(user(instructor())).with(csrf()))
                .andExpect(flash().attribute("message", "Ended 2 session(s)."));

        mvc.perform(get("/quizzes").with(laptop)).andExpect(redirectedUrl("/signin"));
        mvc.perform(get("/quizzes").with(phone)).andExpect(redirectedUrl("/signin"));
        mvc.perform(formLogin("/signin").user(student.username()).password(PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void anInstructorCannotDisableThemselvesOrResetTheirOwnPassword() throws Exception {
        long me = accounts.findByUsername("instructor").orElseThrow().id();
        mvc.perform(post("/admin/accounts/" + me + "/disable").with(user(instructor())).with(csrf())).andExpect(status().isConflict());
        mvc.perform(post("/admin/accounts/" + me + "/reset-password").with(user(instructor())).with(csrf())).andExpect(status().isConflict());
        assertThat(accounts.find(me).orElseThrow().enabled()).isTrue();
        mvc.perform(formLogin("/signin").user("instructor").password("test-instructor-password")).andExpect(redirectedUrl("/"));
        mvc.perform(post("/admin/accounts/999999999/disable").with(user(instructor())).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void anAccountIsFoundByNetIdOrNameAmongTenThousandOneShortPageAtATime() throws Exception {
        Instant now = Instant.parse("2026-09-01T00:00:00Z");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(new Object[] {String.format("many%05d", i), "Many Student " + i, Timestamp.from(now)});
        }
        jdbc.batchUpdate("insert into account (username, full_name, role, created_at) values (?, ?, 'STUDENT', ?)", rows);
        try {
            findAmongMany();
        } finally {
            // the context is shared with the other panel tests, whose rosters must stay small
            jdbc.update("delete from account where username like 'many%'");
        }
    }

    private void findAmongMany() throws Exception {
        Account wanted = accounts.create("zq42", "Zoë O'Quinn <b>", null, "AB", Role.STUDENT, PASSWORD);

        // once to warm up (template, query plans), then timed
        mvc.perform(get("/admin/accounts").param("q", "many").with(user(instructor()))).andExpect(status().isOk());
        long started = System.nanoTime();
        String byName = mvc.perform(get("/admin/accounts").param("q", "o'quinn").with(user(instructor())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String all = mvc.perform(get("/admin/accounts").with(user(instructor()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String second = mvc.perform(get("/admin/accounts").param("q", "many").param("page", "1").with(user(instructor())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Accounts page over 10,000 accounts: 3 searches in " + millis + " ms");
        long queryStarted = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(administration.search("student 9" + i % 10, 0).getContent()).hasSize(AccountAdministration.PAGE_SIZE);
        }
        System.out.println("Search over 10,000 accounts (page and count queries): "
                + (System.nanoTime() - queryStarted) / 20_000 + " microseconds each");

        assertThat(byName).contains("1 account(s)").contains("zq42").contains("Zo\u00eb O&#39;Quinn &lt;b&gt;");
        assertThat(all).contains("page 1 of").doesNotContain("many00050");
        assertThat(count(all, "<tr>") - 1).isEqualTo(AccountAdministration.PAGE_SIZE);
        assertThat(second).contains("10000 account(s), page 2 of 200").contains("many00050").contains("many00099")
                .doesNotContain("many00049").doesNotContain("many00100");
        mvc.perform(get("/admin/accounts").param("q", "x".repeat(101)).with(user(instructor())))
                .andExpect(status().isOk());
        assertThat(wanted.id()).isNotNull();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
