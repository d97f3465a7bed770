package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.system.Heartbeat;
import org.quizdesk.system.Outage;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The server is down when a class's time runs out. After the restart the students' final answers are still taken
 * for the outage window, and marked for staff; the expiry job waits for that window before it submits; attempts
 * whose time ran out before the outage get nothing extra. (The heartbeat beats by hand here, on a moved clock.)
 */
@SpringBootTest(properties = "quizdesk.attempts.outage-window=2m")
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class OutageAllowanceTest {

    static final String QUIZ = "cse493g1-au24-quiz2";
    static final Instant START = MutableClockConfiguration.START;

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired QuizSettingsRepository settings;
    @Autowired UserDetailsService users;
    @Autowired Heartbeat heartbeat;
    @Autowired MutableClock clock;

    @Test
    void finalAnswersAfterAnOutageAtTheDeadlineAreTakenWithinTheWindowMarkedAndNotSubmittedEarly() throws Exception {
        clock.set(START);
        heartbeat.beat();
        UserDetails returning = student("Returning Student");
        UserDetails absent = student("Absent Student");
        UserDetails early = student("Early Student");
        long returningAttempt = start(returning, 10);
        long absentAttempt = start(absent, 10);
        long earlyAttempt = start(early, 1);
        assertThat(autosave(returning, returningAttempt, "{\"3.1.4\": \"draft\"}").getStatus()).isEqualTo(200);
        assertThat(autosave(absent, absentAttempt, "{\"1.4\": true}").getStatus()).isEqualTo(200);

        // the last beat: the early attempt's time and grace are over; then every node is down for three hours,
        // through the other two attempts' deadline
        clock.set(START.plus(Duration.ofMinutes(2)));
        heartbeat.beat();
        Instant back = START.plus(Duration.ofHours(3));
        clock.set(back);
        heartbeat.beat();
        assertThat(heartbeat.lastOutage()).contains(new Outage(START.plus(Duration.ofMinutes(2)), back));

        clock.advance(Duration.ofSeconds(30));
        attempts.submitExpiredAttempts();
        assertThat(attempt(absentAttempt).isSubmitted()).as("waits for the outage window").isFalse();
        assertThat(attempt(returningAttempt).isSubmitted()).isFalse();
        assertThat(attempt(earlyAttempt).getSubmittedBy()).isEqualTo(SubmittedBy.DEADLINE);
        assertThat(autosave(early, earlyAttempt, "{\"1.1\": true}").getStatus()).isEqualTo(409);

        mvc.perform(get("/attempts/{id}", returningAttempt).with(user(returning)))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(200));
        assertThat(autosave(returning, returningAttempt, "{\"3.1.4\": \"written offline\"}").getStatus()).isEqualTo(200);
        MockHttpServletResponse submitted = mvc.perform(post("/api/attempts/{id}/submit", returningAttempt).with(user(returning))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"1.4\": true, \"3.1.4\": \"final\"}"))
                .andReturn().getResponse();
        assertThat(submitted.getStatus()).as(submitted.getContentAsString()).isEqualTo(200);
        Attempt taken = attempt(returningAttempt);
        assertThat(taken.getSubmittedBy()).isEqualTo(SubmittedBy.STUDENT);
        assertThat(taken.getAnswers()).contains("\"3.1.4\":\"final\"");
        assertThat(taken.getOutageFrom()).isEqualTo(START.plus(Duration.ofMinutes(2)));
        assertThat(taken.getOutageTo()).isEqualTo(back);
        assertThat(taken.getTotal()).isEqualByComparingTo("1");

        String staffPage = mvc.perform(get("/admin/attempts/{id}", returningAttempt).with(user(instructor())))
                .andReturn().getResponse().getContentAsString();
        assertThat(staffPage).contains("accepted after a server outage from")
                .contains("datetime=\"" + START.plus(Duration.ofMinutes(2)) + "\"").contains("datetime=\"" + back + "\"");

        clock.set(back.plus(Duration.ofMinutes(2)));
        assertThat(autosave(absent, absentAttempt, "{\"1.4\": false}").getStatus()).as("the window is over").isEqualTo(409);
        attempts.submitExpiredAttempts();
        Attempt submittedByTheServer = attempt(absentAttempt);
        assertThat(submittedByTheServer.getSubmittedBy()).isEqualTo(SubmittedBy.DEADLINE);
        assertThat(submittedByTheServer.getAnswers()).isEqualTo("{\"1.4\":true}");
        assertThat(submittedByTheServer.getOutageFrom()).as("nothing was taken after the outage").isNull();
    }

    private UserDetails student(String fullName) {
        String name = "o" + System.nanoTime();
        accounts.create(name, fullName, null, "AA", Role.STUDENT, "pw");
        return users.loadUserByUsername(name);
    }

    private UserDetails instructor() {
        String name = "i" + System.nanoTime();
        accounts.create(name, "Instructor", null, null, Role.INSTRUCTOR, "staff-password-123");
        return users.loadUserByUsername(name);
    }

    private long start(UserDetails student, int minutes) {
        QuizSettingsRow quiz = settings.findById(QUIZ).orElseThrow();
        quiz.setPublished(true);
        quiz.setWindow(null, null);
        quiz.setTimeLimitSeconds(minutes * 60);
        settings.save(quiz);
        long accountId = accounts.findByUsername(student.getUsername()).orElseThrow().id();
        return attempts.start(QUIZ, accountId, "Outage Student").getId();
    }

    private MockHttpServletResponse autosave(UserDetails student, long attemptId, String json) throws Exception {
        return mvc.perform(put("/api/attempts/{id}/answers", attemptId).with(user(student)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
    }

    private Attempt attempt(long id) {
        return attemptRepository.findById(id).orElseThrow();
    }
}
