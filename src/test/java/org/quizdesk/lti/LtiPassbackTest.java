package org.quizdesk.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.ScoreBook;
import org.quizdesk.quiz.QuizSettingsService;
import org.quizdesk.lti.internal.AccountLinkRepository;
import org.quizdesk.lti.internal.AccountLinkRow;
import org.quizdesk.lti.internal.LineItemRepository;
import org.quizdesk.testsupport.LtiPlatform;
import org.quizdesk.testsupport.RealSignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * AGS grade passback against the simulated platform: a student launched from a link with a line item, their score
 * posted once scores are released (token by client assertion, the score media type and fields), posted again after an
 * override, and a post the platform refuses retried after a wait and then sent; staff see each status and can send
 * again.
 */
class LtiPassbackTest extends LtiTestContext {

    private static final String SHUFFLE = "shuffle-example";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired AccountService accounts;
    @Autowired AttemptService attempts;
    @Autowired ScoreBook scoreBook;
    @Autowired QuizSettingsService settings;
    @Autowired ScorePassbackJob job;
    @Autowired MockMvc mvc;

    @Test
    void aReleasedScoreIsPostedToTheLineItemAndPostedAgainAfterAnOverrideAndAFailedPostIsRetried() throws Exception {
        Account student = launchedStudent("sub-passback", "/lineitems/7");
        long attemptId = attempts.start(SHUFFLE, student.id(), student.fullName()).getId();
        attempts.submit(attemptId, student.id(), "{}");
        job.sendDue();
        assertThat(PLATFORM.scores).as("nothing before the release").noneMatch(s -> s.body().contains("sub-passback"));

        settings.release(SHUFFLE, true, false);
        job.sendDue();

        LtiPlatform.ReceivedScore posted = lastScoreOf("sub-passback");
        assertThat(posted.path()).isEqualTo("/lineitems/7/scores");
        assertThat(posted.contentType()).isEqualTo("application/vnd.ims.lis.v1.score+json");
        JsonNode score = JSON.readTree(posted.body());
        assertThat(score.get("userId").asString()).isEqualTo("sub-passback");
        assertThat(score.get("activityProgress").asString()).isEqualTo("Completed");
        assertThat(score.get("gradingProgress").asString()).isEqualTo("FullyGraded");
        assertThat(score.get("timestamp").asString()).isEqualTo(clock.instant().toString());
        BigDecimal first = score.get("scoreGiven").decimalValue();
        assertThat(score.get("scoreMaximum").decimalValue()).isPositive();
        int tokens = PLATFORM.tokensIssued.get();

        // an override of the released quiz: posted again with the new score, with the cached token
        scoreBook.override(attemptId, "1.1", BigDecimal.ONE, "counted as right after the discussion", student.id());
        job.sendDue();
        assertThat(JSON.readTree(lastScoreOf("sub-passback").body()).get("scoreGiven").decimalValue())
                .isEqualByComparingTo(first.add(BigDecimal.ONE).min(score.get("scoreMaximum").decimalValue()));
        assertThat(PLATFORM.tokensIssued.get()).isEqualTo(tokens);

        // the platform is down for the next post: pending with the reason, retried after the wait, then sent
        PLATFORM.failNextScorePosts(1);
        scoreBook.override(attemptId, "1.1", BigDecimal.ZERO, "after all, no", student.id());
        int before = PLATFORM.scores.size();
        job.sendDue();
        assertThat(PLATFORM.scores).hasSize(before);
        RequestPostProcessor instructor = RealSignIn.signIn(mvc, "instructor", "test-instructor-password");
        mvc.perform(get("/admin/quizzes/{q}/passback", SHUFFLE).with(instructor)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("pending")))
                .andExpect(content().string(Matchers.containsString("the platform answered HTTP 503: gradebook is being upgraded")));
        job.sendDue();
        assertThat(PLATFORM.scores).as("not before the wait").hasSize(before);
        clock.advance(Duration.ofMinutes(1));
        job.sendDue();
        assertThat(PLATFORM.scores).hasSize(before + 1);
        assertThat(JSON.readTree(lastScoreOf("sub-passback").body()).get("scoreGiven").decimalValue()).isEqualByComparingTo(first);
        mvc.perform(get("/admin/quizzes/{q}/passback", SHUFFLE).with(instructor)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("sent")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("HTTP 503"))));

        // "send again" posts the same score once more
        long rowId = passbackRow(student);
        mvc.perform(post("/admin/quizzes/{q}/passback/{id}/send-again", SHUFFLE, rowId).with(instructor).with(csrf()))
                .andExpect(redirectedUrl("/admin/quizzes/" + SHUFFLE + "/passback"));
        job.sendDue();
        assertThat(PLATFORM.scores).hasSize(before + 2);
        // a row of another quiz is not this quiz's to send
        mvc.perform(post("/admin/quizzes/{q}/passback/{id}/send-again", QUIZ, rowId).with(instructor).with(csrf()))
                .andExpect(status().isNotFound());
        settings.release(SHUFFLE, false, false);
    }

    @Autowired LaunchAccounts launchAccounts;
    @Autowired AccountLinkRepository links;
    @Autowired LineItemRepository lineItems;

    @Test
    void aScoreGoesToTheLmsUserOfTheLaunchLinkAtEachPostNeverToARemovedOne() throws Exception {
        // a wrong link (a teacher's student view got in first), the score posted to it at the release
        Account student = launchedStudent("sub-wrongly-linked", "/lineitems/relinked");
        long attemptId = attempts.start(SHUFFLE, student.id(), student.fullName()).getId();
        attempts.submit(attemptId, student.id(), "{}");
        settings.release(SHUFFLE, true, false);
        try {
            job.sendDue();
            assertThat(lastScoreOf("sub-wrongly-linked").path()).isEqualTo("/lineitems/relinked/scores");
            int before = PLATFORM.scores.size();

            // staff remove it: a changed score goes to nobody while the student's own LMS user is unknown
            assertThat(launchAccounts.unlink(PLATFORM.issuer(), "sub-wrongly-linked")).isTrue();
            scoreBook.override(attemptId, "1.1", BigDecimal.ONE, "regraded", student.id());
            job.sendDue();
            assertThat(PLATFORM.scores).hasSize(before);

            // the student's own launch links the account again; staff's "send again" posts to that user, whom the
            // row (made for the removed link) did not name
            links.save(new AccountLinkRow(PLATFORM.issuer(), "sub-rightful-student", student.id(), clock.instant()));
            assertThat(passback.sendAgain(SHUFFLE, passbackRow(student))).isTrue();
            job.sendDue();
            assertThat(PLATFORM.scores).hasSize(before + 1);
            assertThat(JSON.readTree(PLATFORM.scores.get(before).body()).get("userId").asString()).isEqualTo("sub-rightful-student");
        } finally {
            settings.release(SHUFFLE, false, false);
            // the other tests count the posts of their releases: neither this student nor this column takes part
            launchAccounts.unlink(PLATFORM.issuer(), "sub-rightful-student");
            long platformId = registrations.find(PLATFORM.issuer(), LtiPlatform.CLIENT_ID).orElseThrow().id();
            lineItems.findByPlatformIdAndLineItemUrl(platformId, PLATFORM.url("/lineitems/relinked")).ifPresent(lineItems::delete);
        }
    }

    @Autowired Memberships memberships;

    @Test
    void aStudentImportedFromThePlatformsRosterIsPostedWithoutALaunchAndOneNobodyKnowsIsListedAsNotSendable() throws Exception {
        PLATFORM.memberships("""
                {"members": [{"status": "Active", "user_id": "sub-carol-nrps", "name": "Carol Roster",
                  "preferred_username": "carol-roster", "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"]}]}""");
        staffOnRoster("roster-prof", Role.INSTRUCTOR);
        Started started = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), "sub-roster-prof");
        claims.put(STAFF_NET_ID_CLAIM, "roster-prof");
        claims.put(LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"));
        claims.put(LtiClaims.CONTEXT, Map.of("id", "course-roster-passback"));
        claims.put(LtiClaims.TARGET_LINK_URI, "https://quiz.example/quizzes/" + SHUFFLE);
        claims.put("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of(
                "scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"), "lineitem", PLATFORM.url("/lineitems/roster")));
        claims.put("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", Map.of(
                "context_memberships_url", PLATFORM.url("/nrps/course-roster-passback"), "service_versions", List.of("2.0")));
        assertThat(started.browser().launch(PLATFORM.idToken(claims), started.state()).statusCode()).isEqualTo(302);
        long course = memberships.courses().stream().filter(c -> "course-roster-passback".equals(c.contextId())).findFirst()
                .orElseThrow().lineItemId();
        RequestPostProcessor instructor = RealSignIn.signIn(mvc, "instructor", "test-instructor-password");
        mvc.perform(post("/admin/roster/import").param("csv", memberships.rosterCsv(course)).with(instructor).with(csrf()))
                .andExpect(status().is3xxRedirection());
        try {
            rosterStudentsArePosted(course, instructor);
        } finally {
            // the other test counts the posts to this quiz's line items: this one goes
            lineItemRows.findByPlatformIdAndLineItemUrl(registrations.find(PLATFORM.issuer(), LtiPlatform.CLIENT_ID).orElseThrow().id(),
                    PLATFORM.url("/lineitems/roster")).ifPresent(lineItemRows::delete);
            settings.release(SHUFFLE, false, false);
        }
    }

    @Autowired org.quizdesk.lti.internal.LineItemRepository lineItemRows;

    private void rosterStudentsArePosted(long course, RequestPostProcessor instructor) throws Exception {
        Account carol = accounts.findByUsername("carol-roster").orElseThrow();
        Account dave = accounts.create("dave-local", "Dave Local", null, "AA", Role.STUDENT, null);
        for (Account student : List.of(carol, dave)) {
            attempts.submit(attempts.start(SHUFFLE, student.id(), student.fullName()).getId(), student.id(), "{}");
        }

        settings.release(SHUFFLE, true, false);
        job.sendDue();

        // Carol never launched: her platform user id is the roster's
        assertThat(lastScoreOf("sub-carol-nrps").path()).isEqualTo("/lineitems/roster/scores");
        assertThat(passback.unsendable(SHUFFLE)).contains(dave.id()).doesNotContain(carol.id());
        mvc.perform(get("/admin/quizzes/{q}/results?q=dave-local", SHUFFLE).with(instructor)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(">cannot be sent</a>")));
        mvc.perform(get("/admin/quizzes/{q}/results?q=carol-roster", SHUFFLE).with(instructor)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(">sent</a>")));
        mvc.perform(get("/admin/quizzes/{q}/passback", SHUFFLE).with(instructor)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Cannot be sent:")))
                .andExpect(content().string(Matchers.containsString("Dave Local (dave-local)")))
                .andExpect(content().string(Matchers.containsString("user ID of these students is not known")));

        // Dave is added to the LMS course: a new pull of its roster, "send all again", and his score goes too
        PLATFORM.memberships("""
                {"members": [{"status": "Active", "user_id": "sub-dave-nrps", "name": "Dave Local", "preferred_username": "dave-local",
                  "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"]}]}""");
        memberships.rosterCsv(course);
        mvc.perform(post("/admin/quizzes/{q}/passback/send-again", SHUFFLE).with(instructor).with(csrf()))
                .andExpect(redirectedUrl("/admin/quizzes/" + SHUFFLE + "/passback"));
        job.sendDue();
        assertThat(lastScoreOf("sub-dave-nrps").path()).isEqualTo("/lineitems/roster/scores");
        assertThat(passback.unsendable(SHUFFLE)).doesNotContain(dave.id(), carol.id());
    }

    @Test
    void theResultsTableShowsEachStudentsPassbackAndSendsAFailedOneAgain() throws Exception {
        Account student = launchedStudent("sub-results-column", "/lineitems/results-column");
        try {
            attempts.submit(attempts.start(SHUFFLE, student.id(), student.fullName()).getId(), student.id(), "{}");
            RequestPostProcessor instructor = RealSignIn.signIn(mvc, "instructor", "test-instructor-password");
            String row = "/admin/quizzes/" + SHUFFLE + "/results?q=" + student.username();
            mvc.perform(get(row).with(instructor)).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("LMS grade")))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("/send-again"))));
            mvc.perform(get("/admin/quizzes/{q}/results", QUIZ).with(instructor)).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.not(Matchers.containsString("LMS grade"))));

            // the platform refuses every try (other tests' students of this quiz too): pending with retries, then failed,
            // with "send again" in the row
            PLATFORM.failNextScorePosts(1_000);
            settings.release(SHUFFLE, true, false);
            job.sendDue();
            mvc.perform(get(row).with(instructor)).andExpect(content().string(Matchers.containsString(">pending</a>")));
            for (int i = 1; i < 8; i++) {
                clock.advance(Duration.ofHours(1));
                job.sendDue();
            }
            PLATFORM.failNextScorePosts(0);
            ScorePassback.Status failed = passback.statuses(SHUFFLE).stream()
                    .filter(s -> s.accountId() == student.id() && s.lineItemUrl().endsWith("/lineitems/results-column")).findFirst().orElseThrow();
            assertThat(failed.status().name()).isEqualTo("FAILED");
            mvc.perform(get(row).with(instructor)).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString(">failed</a>")))
                    .andExpect(content().string(Matchers.containsString("/send-again\"")))
                    .andExpect(content().string(Matchers.containsString("Send " + student.fullName() + "&#39;s score again")));

            int before = PLATFORM.scores.size();
            mvc.perform(post("/admin/quizzes/{q}/passback/{id}/send-again", SHUFFLE, failed.id()).param("back", "results")
                            .with(instructor).with(csrf()))
                    .andExpect(redirectedUrl("/admin/quizzes/" + SHUFFLE + "/results"));
            job.sendDue();
            assertThat(PLATFORM.scores).hasSize(before + 1);
            assertThat(lastScoreOf("sub-results-column").path()).isEqualTo("/lineitems/results-column/scores");
        } finally {
            PLATFORM.failNextScorePosts(0);
            lineItemRows.findByPlatformIdAndLineItemUrl(registrations.find(PLATFORM.issuer(), LtiPlatform.CLIENT_ID).orElseThrow().id(),
                    PLATFORM.url("/lineitems/results-column")).ifPresent(lineItemRows::delete);
            settings.release(SHUFFLE, false, false);
        }
    }

    @Test
    void theWaitBetweenTriesDoublesUpToTheLongest() throws Exception {
        assertThat(passback.retryAfter(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(passback.retryAfter(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(passback.retryAfter(3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(passback.retryAfter(10)).isEqualTo(Duration.ofHours(1));
    }

    @Autowired ScorePassback passback;

    private Account launchedStudent(String subject, String lineItemPath) throws Exception {
        Started started = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), subject);
        claims.put(LtiClaims.TARGET_LINK_URI, "https://quiz.example/quizzes/" + SHUFFLE);
        claims.put("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of(
                "scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", "https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                "lineitem", PLATFORM.url(lineItemPath), "lineitems", PLATFORM.url("/lineitems")));
        assertThat(started.browser().launch(PLATFORM.idToken(claims), started.state()).statusCode()).isEqualTo(302);
        return findBySubject(subject);
    }

    private Account findBySubject(String subject) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest((PLATFORM.issuer() + "\n" + subject).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return accounts.findByUsername("lti-" + java.util.HexFormat.of().formatHex(digest, 0, 6)).orElseThrow();
    }

    private long passbackRow(Account student) {
        return passback.statuses(SHUFFLE).stream().filter(s -> s.accountId() == student.id()).findFirst().orElseThrow().id();
    }

    private static LtiPlatform.ReceivedScore lastScoreOf(String subject) {
        List<LtiPlatform.ReceivedScore> mine = PLATFORM.scores.stream().filter(s -> s.body().contains("\"" + subject + "\"")).toList();
        assertThat(mine).as("scores posted for " + subject).isNotEmpty();
        return mine.get(mine.size() - 1);
    }
}
