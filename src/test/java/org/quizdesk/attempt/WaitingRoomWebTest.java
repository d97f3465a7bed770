package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A student early for a quiz that opens at a set time: the list leads to the honor-code page, which shows the form
 * with the opening time on the server's clock, a press of Start before the opening is refused with its reason and
 * starts nothing, and the same form starts the attempt once the quiz has opened. A closed quiz still has no form.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class WaitingRoomWebTest {

    static final String QUIZ = AttemptWebTest.QUIZ;

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;
    @Autowired AttemptRepository attempts;
    @Autowired QuizSettingsRepository settings;
    @Autowired MutableClock clock;

    UserDetails student;
    long accountId;

    @BeforeEach
    void signedInStudent() {
        clock.set(MutableClockConfiguration.START.plus(Duration.ofDays(3)));
        String name = "early" + System.nanoTime();
        accountId = accounts.create(name, "Early Student", null, "AA", Role.STUDENT, "pw").id();
        student = users.loadUserByUsername(name);
    }

    @AfterEach
    void noWindow() {
        window(null, null);
    }

    @Test
    void aStudentEarlySignsTheHonorCodeBeforeTheOpeningAndStartsOnceItHasOpened() throws Exception {
        Instant opens = clock.instant().plus(Duration.ofMinutes(5));
        window(opens, null);

        String list = page("/quizzes");
        assertThat(list).contains("Not open yet", "href=\"/quizzes/" + QUIZ + "\"", "Get ready");

        String honorCode = page("/quizzes/" + QUIZ);
        assertThat(honorCode)
                .contains("id=\"waiting\"", "data-opens-at=\"" + opens.toEpochMilli() + "\"",
                        "data-server-now=\"" + clock.instant().toEpochMilli() + "\"",
                        "<time datetime=\"" + opens + "\"", "action=\"/quizzes/" + QUIZ + "/start\"", "id=\"signature\"",
                        "aria-describedby=\"waiting-hint\"")
                .containsPattern("src=\"/js/start-[0-9a-f]{32}\\.js\"")
                .doesNotContain("This quiz is not open now.");

        // pressed a second before the opening (a page without its script, or a clock ahead): refused, nothing started
        clock.set(opens.minusSeconds(1));
        MvcResult early = start().andExpect(redirectedUrl("/quizzes/" + QUIZ)).andReturn();
        Object error = early.getFlashMap().get("error");
        assertThat(error).isInstanceOf(MessageSourceResolvable.class);
        assertThat(((MessageSourceResolvable) error).getCodes()).containsExactly("attempt.refused.notOpenYet");
        assertThat(attempts.findByQuizIdAndAccountId(QUIZ, accountId)).isEmpty();

        clock.set(opens);
        start().andExpect(redirectedUrlPattern("/attempts/*"));
        assertThat(attempts.findByQuizIdAndAccountId(QUIZ, accountId)).hasValueSatisfying(attempt ->
                assertThat(attempt.getStartedAt()).isEqualTo(opens));
    }

    @Test
    void aClosedQuizSaysSoAndHasNoForm() throws Exception {
        window(clock.instant().minus(Duration.ofHours(2)), clock.instant().minus(Duration.ofHours(1)));

        assertThat(page("/quizzes/" + QUIZ)).contains("This quiz is not open now.")
                .doesNotContain("id=\"waiting\"", "id=\"signature\"", "/js/start-");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(student))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private ResultActions start() throws Exception {
        return mvc.perform(post("/quizzes/" + QUIZ + "/start").param("agree", "true").param("signature", "Early Student")
                .with(csrf()).with(user(student)));
    }

    private void window(Instant opens, Instant closes) {
        QuizSettingsRow quiz = settings.findById(QUIZ).orElseThrow();
        quiz.setWindow(opens, closes);
        settings.save(quiz);
    }
}
