package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptEvidence;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.EvidenceKind;
import org.quizdesk.attempt.ProctorActionRefused;
import org.quizdesk.attempt.ProctorActions;
import org.quizdesk.attempt.SubmittedBy;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.proctor.ProctorAction;
import org.quizdesk.proctor.ProctorLog;
import org.quizdesk.quiz.QuizSettingsService;
import org.quizdesk.quiz.SettingsChange;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.quizdesk.testsupport.RealSignIn;
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
import org.springframework.test.web.servlet.ResultActions;

/**
 * The proctor's actions over HTTP, each with its audit entry: extend one and everyone, pause and resume, close now,
 * submit one, announcements; who may do which; and how the students' pages learn of them (the save's answer, the
 * 304 poll). Its own Spring context (the property below), since closing and pausing change the seed quiz.
 */
@SpringBootTest(properties = "quizdesk.attempts.live-poll-interval=6s")
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class ProctorActionsTest {

    static final String QUIZ = StaffFixtures.QUIZ;

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;
    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired QuizSettingsService quizSettings;
    @Autowired ProctorActions proctorActions;
    @Autowired ProctorLog log;
    @Autowired AttemptEvidence evidence;
    @Autowired MutableClock clock;

    StaffFixtures fixtures;
    UserDetails instructor;
    UserDetails ta;

    @BeforeEach
    void openQuizOfTenMinutes() {
        clock.set(MutableClockConfiguration.START);
        quizSettings.change(QUIZ, new SettingsChange(true, null, null, 600, null));
        fixtures = new StaffFixtures(accounts, users, attempts, attemptRepository);
        instructor = fixtures.staff(Role.INSTRUCTOR);
        ta = fixtures.staff(Role.TA);
    }

    @AfterEach
    void runningAgain() {
        try {
            proctorActions.resume(QUIZ, null, accounts.findByUsername(instructor.getUsername()).orElseThrow().id());
        } catch (ProctorActionRefused notPaused) {
            // as it should be
        }
        quizSettings.change(QUIZ, new SettingsChange(true, null, null, null, null));
    }

    @Test
    void aTaExtendsOneStudentsTimeAndTheLogSaysWhoAndWhy() throws Exception {
        Attempt attempt = started("Slow Reader");
        mvc.perform(post("/admin/attempts/{a}/extend", attempt.getId()).with(user(ta)).with(csrf())
                        .param("minutes", "10").param("reason", "Documented accommodation, arrived late"))
                .andExpect(redirectedUrl("/admin/attempts/" + attempt.getId() + "#proctor"));
        assertThat(fixtures.reload(attempt).getDeadline()).isEqualTo(attempt.getDeadline().plus(Duration.ofMinutes(10)));

        ProctorAction entry = latest();
        assertThat(entry.kind()).isEqualTo(ProctorAction.Kind.EXTEND_ONE);
        assertThat(entry.attemptId()).isEqualTo(attempt.getId());
        assertThat(entry.actorId()).isEqualTo(idOf(ta));
        assertThat(entry.reason()).isEqualTo("Documented accommodation, arrived late");
        mvc.perform(get("/admin/attempts/{a}", attempt.getId()).with(user(instructor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Documented accommodation, arrived late")))
                .andExpect(content().string(containsString("extend one")));
        // the evidence timeline of the attempt carries it too, for a dispute
        assertThat(evidence.timeline(attempt.getId()).orElseThrow().entries())
                .anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo(EvidenceKind.PROCTOR);
                    assertThat(e.detail()).startsWith("extend one").endsWith("(Documented accommodation, arrived late)");
                });
    }

    @Test
    void extendingASubmittedAttemptIsRefusedAndNothingIsLogged() throws Exception {
        Attempt submitted = fixtures.submitted(fixtures.student("Done Early", "AA"), "{}");
        long before = log.latestId(QUIZ);
        mvc.perform(post("/admin/attempts/{a}/extend", submitted.getId()).with(user(instructor)).with(csrf())
                        .param("minutes", "5").param("reason", "asked for more"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("This attempt was submitted at")))
                .andExpect(content().string(containsString("its time cannot be extended")));
        assertThat(fixtures.reload(submitted).getDeadline()).isEqualTo(submitted.getDeadline());
        assertThat(log.latestId(QUIZ)).isEqualTo(before);
    }

    @Test
    void aMissingReasonOrMinutesOutOfRangeAre400WithTheirMessage() throws Exception {
        Attempt attempt = started("No Reason");
        mvc.perform(post("/admin/attempts/{a}/extend", attempt.getId()).with(user(instructor)).with(csrf()).param("minutes", "5"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Reason: say why")));
        for (String minutes : new String[] {"0", "241", "ten", ""}) {
            mvc.perform(post("/admin/quizzes/{q}/extend", QUIZ).with(user(instructor)).with(csrf())
                            .param("minutes", minutes).param("reason", "outage"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Minutes: type a whole number from 1 to 240.")));
        }
        mvc.perform(post("/admin/attempts/{a}/submit", attempt.getId()).with(user(instructor)).with(csrf()).param("reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Reason: say why")));
        mvc.perform(post("/admin/quizzes/{q}/close", QUIZ).with(user(instructor)).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/quizzes/{q}/announcements", QUIZ).with(user(instructor)).with(csrf()).param("text", "x".repeat(2001)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("at most 2,000 characters")));
        assertThat(fixtures.reload(attempt).getDeadline()).isEqualTo(attempt.getDeadline());
    }

    @Test
    void studentsMayDoNoActionAndTasOnlyAnnounceAndExtendOne() throws Exception {
        Account student = fixtures.student("Curious", "AA");
        UserDetails signedIn = fixtures.signIn(student);
        Attempt attempt = attempts.start(QUIZ, student.id(), "Curious");
        for (String action : new String[] {"extend", "pause", "resume", "close", "announcements"}) {
            mvc.perform(post("/admin/quizzes/{q}/" + action, QUIZ).with(user(signedIn)).with(csrf())
                            .param("minutes", "5").param("reason", "me").param("text", "hi"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/attempts/{a}/extend", attempt.getId()).with(user(signedIn)).with(csrf())
                .param("minutes", "60").param("reason", "me")).andExpect(status().isForbidden());
        for (String action : new String[] {"extend", "pause", "close"}) {
            mvc.perform(post("/admin/quizzes/{q}/" + action, QUIZ).with(user(ta)).with(csrf())
                            .param("minutes", "5").param("reason", "TA"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/attempts/{a}/submit", attempt.getId()).with(user(ta)).with(csrf()).param("reason", "TA"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/quizzes/{q}/announcements", QUIZ).with(user(ta)).with(csrf()).param("text", "Question 2.1: read *bias* as *weights*."))
                .andExpect(redirectedUrl("/admin/quizzes/" + QUIZ + "/actions#actions"));
        assertThat(latest().kind()).isEqualTo(ProctorAction.Kind.ANNOUNCE);
        assertThat(fixtures.reload(attempt).getDeadline()).isEqualTo(attempt.getDeadline());
        assertThat(fixtures.reload(attempt).isSubmitted()).isFalse();
    }

    @Test
    void extendingEveryoneMovesTheAttemptsInProgressAndLeavesSubmittedOnesAlone() throws Exception {
        Attempt first = started("In Progress One");
        Attempt second = started("In Progress Two");
        Attempt done = fixtures.submitted(fixtures.student("Done", "AB"), "{}");
        mvc.perform(post("/admin/quizzes/{q}/extend", QUIZ).with(user(instructor)).with(csrf())
                        .param("minutes", "15").param("reason", "Fire alarm, 15 minutes lost")
                        .param("back", "/admin/quizzes/" + QUIZ + "/live"))
                .andExpect(redirectedUrl("/admin/quizzes/" + QUIZ + "/live#actions"));
        assertThat(fixtures.reload(first).getDeadline()).isEqualTo(first.getDeadline().plus(Duration.ofMinutes(15)));
        assertThat(fixtures.reload(second).getDeadline()).isEqualTo(second.getDeadline().plus(Duration.ofMinutes(15)));
        assertThat(fixtures.reload(done).getDeadline()).isEqualTo(done.getDeadline());
        ProctorAction entry = latest();
        assertThat(entry.kind()).isEqualTo(ProctorAction.Kind.EXTEND_ALL);
        assertThat(entry.attemptId()).isNull();
        assertThat(entry.detail()).startsWith("+15 min for ");
        assertThat(entry.reason()).isEqualTo("Fire alarm, 15 minutes lost");
        // an address outside the quiz's staff pages is not followed
        mvc.perform(post("/admin/quizzes/{q}/extend", QUIZ).with(user(instructor)).with(csrf())
                        .param("minutes", "1").param("reason", "again").param("back", "https://evil.example/"))
                .andExpect(redirectedUrl("/admin/quizzes/" + QUIZ + "/actions#actions"));
    }

    @Test
    void whilePausedTheExpiryJobSubmitsNobodySavesGoOnAndResumeMovesDeadlinesByThePause() throws Exception {
        Account student = fixtures.student("Paused Student", "AA");
        Attempt attempt = attempts.start(QUIZ, student.id(), "Paused Student");
        clock.advance(Duration.ofMinutes(8));
        mvc.perform(post("/admin/quizzes/{q}/pause", QUIZ).with(user(instructor)).with(csrf()).param("reason", "Wi-Fi down in the hall"))
                .andExpect(status().is3xxRedirection());
        assertThat(latest().kind()).isEqualTo(ProctorAction.Kind.PAUSE);

        // far past the deadline and its grace: the job leaves the quiz alone, the student's saves are taken
        clock.advance(Duration.ofMinutes(25));
        attempts.submitExpiredAttempts();
        assertThat(fixtures.reload(attempt).isSubmitted()).isFalse();
        assertThat(autosave(fixtures.signIn(student), attempt.getId(), "{\"1.1\": true}", null).getStatus()).isEqualTo(200);
        // nobody starts while paused
        Account late = fixtures.student("Late Comer", "AA");
        mvc.perform(post("/quizzes/{q}/start", QUIZ).with(user(fixtures.signIn(late))).with(csrf())
                        .param("signature", "Late Comer").param("agree", "true"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.notNullValue()));
        assertThat(attempts.find(QUIZ, late.id())).isEmpty();

        mvc.perform(post("/admin/quizzes/{q}/resume", QUIZ).with(user(instructor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Instant moved = attempt.getDeadline().plus(Duration.ofMinutes(25));
        assertThat(fixtures.reload(attempt).getDeadline()).isEqualTo(moved);
        ProctorAction resumed = latest();
        assertThat(resumed.kind()).isEqualTo(ProctorAction.Kind.RESUME);
        assertThat(resumed.detail()).startsWith("paused for 25 min 0 s;");

        // the two minutes that were left at the pause are left now
        clock.advance(Duration.ofMinutes(1));
        attempts.submitExpiredAttempts();
        assertThat(fixtures.reload(attempt).isSubmitted()).isFalse();
        clock.advance(Duration.ofMinutes(2));
        attempts.submitExpiredAttempts();
        assertThat(fixtures.reload(attempt).getSubmittedBy()).isEqualTo(SubmittedBy.DEADLINE);
    }

    @Test
    void closeNowAsksFirstNamingHowManyAreInProgressThenEndsTheirTimeAndTheWindow() throws Exception {
        Attempt attempt = started("Still Writing");
        clock.advance(Duration.ofMinutes(3));
        int inProgress = proctorActions.inProgress(QUIZ);
        long before = log.latestId(QUIZ);
        // through the real session, as a browser: the confirmation is a flash kept in it
        var session = RealSignIn.signIn(mvc, instructor.getUsername(), "staff-password-123");
        mvc.perform(post("/admin/quizzes/{q}/close", QUIZ).with(session).with(csrf()).param("reason", "Exam over for the room"))
                .andExpect(redirectedUrl("/admin/quizzes/" + QUIZ + "/actions#actions"))
                .andExpect(flash().attribute("closeConfirm", new ProctorController.CloseConfirm("Exam over for the room", inProgress)));
        assertThat(log.latestId(QUIZ)).as("nothing done before the confirmation").isEqualTo(before);
        mvc.perform(get("/admin/quizzes/{q}/actions", QUIZ).with(session))
                .andExpect(content().string(containsString(inProgress + " in progress. Their time ends now")))
                .andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")));

        mvc.perform(post("/admin/quizzes/{q}/close", QUIZ).with(user(instructor)).with(csrf())
                        .param("reason", "Exam over for the room").param("confirmed", "true"))
                .andExpect(status().is3xxRedirection());
        Instant closedAt = clock.instant();
        assertThat(quizSettings.settings(QUIZ).getClosesAt()).isEqualTo(closedAt);
        assertThat(fixtures.reload(attempt).getDeadline()).isEqualTo(closedAt);
        assertThat(latest().kind()).isEqualTo(ProctorAction.Kind.CLOSE);
        // the page still sends its final answers within the grace; then the server submits
        Account student = accounts.find(attempt.getAccountId()).orElseThrow();
        assertThat(autosave(fixtures.signIn(student), attempt.getId(), "{\"1.1\": false}", null).getStatus()).isEqualTo(200);
        Account late = fixtures.student("After Close", "AA");
        mvc.perform(post("/quizzes/{q}/start", QUIZ).with(user(fixtures.signIn(late))).with(csrf())
                .param("signature", "After Close").param("agree", "true"));
        assertThat(attempts.find(QUIZ, late.id())).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        attempts.submitExpiredAttempts();
        assertThat(fixtures.reload(attempt).getSubmittedBy()).isEqualTo(SubmittedBy.DEADLINE);
    }

    @Test
    void staffSubmitOneAndTheStudentsPageLearnsItAtItsNextSaveOrPoll() throws Exception {
        Account student = fixtures.student("Sent Home", "AA");
        Attempt attempt = attempts.start(QUIZ, student.id(), "Sent Home");
        UserDetails signedIn = fixtures.signIn(student);
        String etag = live(signedIn, attempt.getId(), null).getHeader("ETag");
        mvc.perform(post("/admin/attempts/{a}/submit", attempt.getId()).with(user(instructor)).with(csrf()).param("reason", "Left the room ill"))
                .andExpect(redirectedUrl("/admin/attempts/" + attempt.getId() + "#proctor"));
        assertThat(fixtures.reload(attempt).getSubmittedBy()).isEqualTo(SubmittedBy.STAFF);
        assertThat(latest().kind()).isEqualTo(ProctorAction.Kind.SUBMIT_ONE);
        assertThat(latest().reason()).isEqualTo("Left the room ill");

        assertThat(autosave(signedIn, attempt.getId(), "{}", null).getStatus()).isEqualTo(409);
        mvc.perform(get("/api/attempts/{a}/live", attempt.getId()).with(user(signedIn)).header("If-None-Match", etag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.submitted").value(true));
        mvc.perform(post("/admin/attempts/{a}/submit", attempt.getId()).with(user(instructor)).with(csrf()).param("reason", "again"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("(by staff); there is nothing to submit")));
    }

    @Test
    void thePollAnswers304UntilAnActionAndTheSavesAnswerCarriesTheDeadlineAndAnnouncement() throws Exception {
        Account student = fixtures.student("Quiet Student", "AA");
        Attempt attempt = attempts.start(QUIZ, student.id(), "Quiet Student");
        UserDetails signedIn = fixtures.signIn(student);

        MockHttpServletResponse first = live(signedIn, attempt.getId(), null);
        assertThat(first.getStatus()).isEqualTo(200);
        String etag = first.getHeader("ETag");
        long stamp = Long.parseLong(etag.replace("\"", ""));
        assertThat(first.getContentAsString()).contains("\"deadline\":" + attempt.getDeadline().toEpochMilli());
        MockHttpServletResponse again = live(signedIn, attempt.getId(), etag);
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getHeader("ETag")).isEqualTo(etag);
        assertThat(again.getContentAsString()).isEmpty();
        // a save from a page that is up to date carries the stamp only
        mvc.perform(put("/api/attempts/{a}/answers", attempt.getId()).with(user(signedIn)).with(csrf())
                        .header("X-Quizdesk-Live", stamp).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(jsonPath("$.live.stamp").value(stamp))
                .andExpect(jsonPath("$.live.paused").value(false))
                .andExpect(jsonPath("$.live.deadline").doesNotExist());

        mvc.perform(post("/admin/quizzes/{q}/announcements", QUIZ).with(user(ta)).with(csrf())
                        .param("text", "In **2.1**, read *bias* as *weights*. <script>alert(1)</script>"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/quizzes/{q}/extend", QUIZ).with(user(instructor)).with(csrf())
                        .param("minutes", "10").param("reason", "Projector failed"))
                .andExpect(status().is3xxRedirection());
        Instant extended = attempt.getDeadline().plus(Duration.ofMinutes(10));

        MockHttpServletResponse changed = live(signedIn, attempt.getId(), etag);
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
        assertThat(changed.getContentAsString())
                .contains("\"deadline\":" + extended.toEpochMilli())
                .contains("In <strong>2.1</strong>, read <em>bias</em> as <em>weights</em>.")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(live(signedIn, attempt.getId(), changed.getHeader("ETag")).getStatus()).isEqualTo(304);
        // a page that saw the old stamp gets all of it with its next save
        long announcement = log.page(QUIZ, 0).getContent().get(1).id();
        mvc.perform(put("/api/attempts/{a}/answers", attempt.getId()).with(user(signedIn)).with(csrf())
                        .header("X-Quizdesk-Live", stamp).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(jsonPath("$.live.deadline").value(extended.toEpochMilli()))
                .andExpect(jsonPath("$.live.latestAnnouncement").isNumber())
                .andExpect(jsonPath("$.live.announcements[-1].html").value(containsString("<em>weights</em>")));
        assertThat(announcement).isPositive();

        // withdrawn: gone from the students' pages
        long announcementId = proctorActionsAnnouncementId();
        mvc.perform(post("/admin/quizzes/{q}/announcements/{a}/withdraw", QUIZ, announcementId).with(user(ta)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(live(signedIn, attempt.getId(), changed.getHeader("ETag")).getContentAsString()).doesNotContain("weights");
        // another student's attempt is not yours to follow
        UserDetails other = fixtures.signIn(fixtures.student("Other", "AA"));
        assertThat(live(other, attempt.getId(), null).getStatus()).isEqualTo(404);
    }

    @Test
    void anAnnouncementSpellingTheMarkdownPlaceholderLeavesTheStudentsPagesWorking() throws Exception {
        Account student = fixtures.student("Placeholder Reader", "AA");
        Attempt attempt = attempts.start(QUIZ, student.id(), "Placeholder Reader");
        UserDetails signedIn = fixtures.signIn(student);
        mvc.perform(post("/admin/quizzes/{q}/announcements", QUIZ).with(user(ta)).with(csrf())
                        .param("text", "Please ignore QZMATH0QZ and QZMATH5QZ; $x<y$ stays. <b>now</b>"))
                .andExpect(redirectedUrl("/admin/quizzes/" + QUIZ + "/actions#actions"));
        mvc.perform(get("/attempts/{id}", attempt.getId()).with(user(signedIn))).andExpect(status().isOk());
        MockHttpServletResponse update = live(signedIn, attempt.getId(), null);
        assertThat(update.getStatus()).isEqualTo(200);
        assertThat(update.getContentAsString())
                .contains("Please ignore QZMATH0QZ and QZMATH5QZ; $x&lt;y$ stays. &lt;b&gt;now&lt;/b&gt;")
                .doesNotContain("<b>now");
    }

    @Test
    void theActionsPageShowsTheRoomTheAnnouncementsAndTheLogLatestFirstToStaff() throws Exception {
        started("Someone");
        proctorActions.announce(QUIZ, "First note", idOf(ta));
        proctorActions.announce(QUIZ, "Second note", idOf(ta));
        String page = mvc.perform(get("/admin/quizzes/{q}/actions", QUIZ).with(user(ta)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Announce to the class")))
                .andExpect(content().string(not(containsString("Pause for everyone"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("Second note")).isLessThan(page.lastIndexOf("First note"));
        mvc.perform(get("/admin/quizzes/{q}/actions", QUIZ).with(user(instructor)))
                .andExpect(content().string(containsString("Pause for everyone")))
                .andExpect(content().string(containsString("Close now")))
                .andExpect(content().string(containsString("Extend for everyone in progress")));
    }

    private long proctorActionsAnnouncementId() throws Exception {
        String html = mvc.perform(get("/admin/quizzes/{q}/actions", QUIZ).with(user(instructor))).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/announcements/(\\d+)/withdraw").matcher(html);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private Attempt started(String name) {
        Account student = fixtures.student(name, "AA");
        return attempts.start(QUIZ, student.id(), name);
    }

    private ProctorAction latest() {
        return log.page(QUIZ, 0).getContent().get(0);
    }

    private long idOf(UserDetails staff) {
        return accounts.findByUsername(staff.getUsername()).orElseThrow().id();
    }

    private MockHttpServletResponse autosave(UserDetails student, long attemptId, String json, Long stamp) throws Exception {
        var request = put("/api/attempts/{id}/answers", attemptId).with(user(student)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json);
        if (stamp != null) {
            request.header("X-Quizdesk-Live", stamp);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private MockHttpServletResponse live(UserDetails student, long attemptId, String etag) throws Exception {
        var request = get("/api/attempts/{id}/live", attemptId).with(user(student));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        ResultActions result = mvc.perform(request);
        return result.andReturn().getResponse();
    }
}
