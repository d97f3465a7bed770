package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.quiz.AccessChange;
import org.quizdesk.quiz.AccessRules;
import org.quizdesk.quiz.QuizSettingsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/** The access rules on the settings page: the form's checks (nothing typed is lost), the code page, the refusals. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class AccessSettingsTest {

    static final String QUIZ = StaffFixtures.QUIZ;
    static final String KEY = "ab".repeat(32);

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;
    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired QuizSettingsService quizSettings;
    @Autowired java.time.Clock clock;

    StaffFixtures fixtures;
    UserDetails instructor;

    @BeforeEach
    void staff() {
        fixtures = new StaffFixtures(accounts, users, attempts, attemptRepository);
        instructor = fixtures.staff(Role.INSTRUCTOR);
    }

    @AfterEach
    void noRules() {
        quizSettings.changeAccess(QUIZ, new AccessChange(AccessRules.CodeMode.OFF, null, null, List.of(), List.of(), List.of(), null));
    }

    @Test
    void aBadRangeIsNamedAndTheFormComesBackAsTyped() throws Exception {
        mvc.perform(post("/admin/quizzes/{q}/access", QUIZ).with(user(instructor)).with(csrf())
                        .param("codeMode", "FIXED").param("accessCode", "Owl-42")
                        .param("networks", "192.0.2.0/24\n10.0.0.0/33").param("sebConfigKeys", KEY)
                        .param("sebQuitUrl", "seb://quit"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Allowed address ranges: \u201c10.0.0.0/33\u201d: the number after / must be between 0 and 32.")))
                .andExpect(content().string(containsString("192.0.2.0/24\n10.0.0.0/33</textarea>")))
                .andExpect(content().string(containsString("value=\"Owl-42\"")))
                .andExpect(content().string(containsString(KEY + "</textarea>")))
                .andExpect(content().string(containsString("value=\"seb://quit\"")));
        assertThat(quizSettings.settings(QUIZ).getAccess().asksForCode()).as("nothing saved").isFalse();
    }

    @Test
    void goodRulesAreSavedAndTheRoomsCodeIsShownToStaff() throws Exception {
        mvc.perform(post("/admin/quizzes/{q}/access", QUIZ).with(user(instructor)).with(csrf())
                        .param("codeMode", "ROTATING").param("rotateMinutes", "3")
                        .param("networks", "192.0.2.0/24\r\n2001:db8:1::/48\r\n").param("sebConfigKeys", KEY.toUpperCase()))
                .andExpect(redirectedUrl("/admin/quizzes/" + QUIZ + "/settings#access"));
        AccessRules rules = quizSettings.settings(QUIZ).getAccess();
        assertThat(rules.codeMode()).isEqualTo(AccessRules.CodeMode.ROTATING);
        assertThat(rules.rotating().every()).hasMinutes(3);
        assertThat(rules.networks()).extracting(Object::toString).containsExactly("192.0.2.0/24", "2001:db8:1::/48");
        assertThat(rules.safeExamBrowser().configKeys()).containsExactly(KEY);

        String code = rules.codeAt(clock.instant());
        mvc.perform(get("/admin").with(user(fixtures.staff(Role.TA))))
                .andExpect(content().string(containsString("href=\"/admin/quizzes/" + QUIZ + "/code\"")));
        mvc.perform(get("/admin/quizzes/{q}/code", QUIZ).with(user(fixtures.staff(Role.TA))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("http-equiv=\"refresh\"")))
                .andExpect(content().string(containsString(">" + code + "<")));
        Account student = fixtures.student("Code Peeker", "AA");
        mvc.perform(get("/admin/quizzes/{q}/code", QUIZ).with(user(fixtures.signIn(student)))).andExpect(status().isForbidden());
    }

    @Test
    void refusalsAreListedForStaffNewestFirst() throws Exception {
        Account student = fixtures.student("Far Away", "AA");
        quizSettings.changeAccess(QUIZ, new AccessChange(AccessRules.CodeMode.OFF, null, null,
                List.of(org.quizdesk.quiz.AddressRange.parse("192.0.2.0/24")), List.of(), List.of(), null));
        mvc.perform(post("/quizzes/{q}/start", QUIZ).with(user(fixtures.signIn(student))).with(csrf())
                        .with(r -> { r.setRemoteAddr("198.51.100.23"); return r; })
                        .param("signature", "Far Away").param("agree", "true"))
                .andExpect(redirectedUrl("/quizzes/" + QUIZ));
        mvc.perform(get("/admin/quizzes/{q}/settings", QUIZ).with(user(instructor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Far Away (" + student.username() + ")")))
                .andExpect(content().string(containsString("198.51.100.23")))
                .andExpect(content().string(containsString("Address range")))
                .andExpect(content().string(not(containsString("Older</a>"))));
    }

    @Test
    void theFormNamesEachUnreadableField() {
        assertThat(message(new AccessForm("FIXED", "ab", "", "", "", "", ""))).startsWith("Access code: type a code of 4 to 40");
        assertThat(message(new AccessForm("ROTATING", "", "90", "", "", "", ""))).isEqualTo("Rotating code: minutes must be between 1 and 60.");
        assertThat(message(new AccessForm("OFF", "", "", "room 12", "", "", ""))).contains("\u201croom 12\u201d is not an address range");
        assertThat(message(new AccessForm("OFF", "", "", "", "abc", "", ""))).startsWith("Safe Exam Browser Config Key: \u201cabc\u201d");
        assertThat(message(new AccessForm("OFF", "", "", "", "", KEY + "0", ""))).startsWith("Safe Exam Browser Browser Exam Key:");
        assertThat(message(new AccessForm("OFF", "", "", "", "", "", "javascript:alert(1)"))).startsWith("Quit link:");
        assertThat(message(new AccessForm("SOMETIMES", "", "", "", "", "", ""))).startsWith("Access code: choose");
        AccessForm blank = new AccessForm(null, null, null, null, null, null, null);
        assertThat(message(blank)).isNull();
        assertThat(blank.change().codeMode()).isEqualTo(AccessRules.CodeMode.OFF);
    }

    private static String message(AccessForm form) {
        Errors errors = new MapBindingResult(new HashMap<>(), "accessForm");
        FormFields.CHECK.validate(form, errors);
        return errors.hasErrors() ? FormFields.firstMessage(errors) : null;
    }
}
