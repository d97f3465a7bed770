package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptEvidence;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.EvidenceKind;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.quiz.AccessChange;
import org.quizdesk.quiz.AccessRules;
import org.quizdesk.quiz.AddressRange;
import org.quizdesk.quiz.QuizSettingsService;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cache.CacheManager;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The control room over HTTP: every rostered student in their state, the flag for a save from a second address or
 * browser (believed only from the trusted proxy), the poll's 304 and 200, paging and the filter, the staff-only rule;
 * and the evidence timeline on the attempt page and in its CSV.
 */
@SpringBootTest(properties = "quizdesk.proxies.trusted=10.9.0.2")
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class ControlRoomTest {

    static final String QUIZ = StaffFixtures.QUIZ;
    static final String PROXY = "10.9.0.2";
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;
    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired AttemptEvidence evidence;
    @Autowired QuizSettingsService quizSettings;
    @Autowired CacheManager caches;
    @Autowired MutableClock clock;

    StaffFixtures fixtures;
    UserDetails ta;
    String prefix;

    @BeforeEach
    void setUp() {
        clock.set(MutableClockConfiguration.START.plus(Duration.ofDays(1)));
        fixtures = new StaffFixtures(accounts, users, attempts, attemptRepository);
        ta = fixtures.staff(Role.TA);
        prefix = StaffFixtures.unique("Room") + "x";
    }

    @AfterEach
    void noRules() {
        quizSettings.changeAccess(QUIZ, new AccessChange(AccessRules.CodeMode.OFF, null, null, List.of(), List.of(), List.of(), null));
        caches.getCache("quiz-access").clear();
    }

    @Test
    void everyRosteredStudentAppearsWithTheirStatus() throws Exception {
        Account waiting = student("Waiting");
        Account working = student("Working");
        Account done = student("Done");
        Account late = student("Late");
        long lateId = attempts.start(QUIZ, late.id(), late.fullName()).getId();
        clock.advance(Duration.ofHours(3));
        attempts.submitExpiredAttempts();
        start(working, via(PROXY, "192.0.2.10", CHROME));
        fixtures.submitted(done, "{\"1.1\": true}");
        long workingId = attempts.find(QUIZ, working.id()).orElseThrow().getId();
        save(working, workingId, "{\"1.1\": true, \"1.2\": false}", via(PROXY, "192.0.2.10", CHROME)).andExpect(status().isOk());

        String page = live("?q=" + prefix);
        assertThat(row(page, waiting)).contains("not started").doesNotContain("/admin/attempts/");
        assertThat(row(page, working)).contains("in progress", "192.0.2.10", "Chrome 131 on Windows", "/admin/attempts/" + workingId)
                .contains(">2<").doesNotContain("Second address").doesNotContain("Second browser");
        assertThat(row(page, done)).contains("submitted", "by the student");
        assertThat(row(page, late)).contains("time ran out", "when time ran out", "/admin/attempts/" + lateId);
        assertThat(page).contains("admin/quizzes/" + QUIZ + "/live/board");

        String home = mvc.perform(get("/admin").with(user(ta))).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("/admin/quizzes/" + QUIZ + "/live");
    }

    @Test
    void aSaveFromASecondAddressThroughTheTrustedProxyFlagsTheRowAndIsRecorded() throws Exception {
        Account moved = student("Moved");
        start(moved, via(PROXY, "192.0.2.10", CHROME));
        long id = attempts.find(QUIZ, moved.id()).orElseThrow().getId();
        save(moved, id, "{\"1.1\": true}", via(PROXY, "192.0.2.10", CHROME)).andExpect(status().isOk());
        assertThat(row(live("?q=" + prefix), moved)).doesNotContain("Second address");

        clock.advance(Duration.ofSeconds(5));
        save(moved, id, "{\"1.1\": false}", via(PROXY, "198.51.100.7", CHROME)).andExpect(status().isOk());
        assertThat(row(live("?q=" + prefix), moved)).contains("Second address: 198.51.100.7").doesNotContain("Second browser");
        clock.advance(Duration.ofSeconds(5));
        save(moved, id, "{\"1.1\": false}", via(PROXY, "198.51.100.7", FIREFOX)).andExpect(status().isOk());
        assertThat(row(live("?q=" + prefix), moved)).contains("Second address: 198.51.100.7", "Second browser: Firefox 133 on Linux");

        assertThat(evidence.timeline(id).orElseThrow().entries())
                .filteredOn(e -> e.kind() == EvidenceKind.ADDRESS_CHANGED || e.kind() == EvidenceKind.BROWSER_CHANGED)
                .extracting(AttemptEvidence.Entry::detail)
                .containsExactly("192.0.2.10 -> 198.51.100.7", "Chrome 131 on Windows -> Firefox 133 on Linux");
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedAddressFlagsNothing() throws Exception {
        Account stayed = student("Stayed");
        start(stayed, via("127.0.0.1", null, CHROME));
        long id = attempts.find(QUIZ, stayed.id()).orElseThrow().getId();
        save(stayed, id, "{\"1.1\": true}", via("127.0.0.1", "198.51.100.7", CHROME)).andExpect(status().isOk());

        assertThat(row(live("?q=" + prefix), stayed)).contains("127.0.0.1").doesNotContain("Second address").doesNotContain("198.51.100.7");
        assertThat(evidence.timeline(id).orElseThrow().entries()).extracting(AttemptEvidence.Entry::kind)
                .doesNotContain(EvidenceKind.ADDRESS_CHANGED);
    }

    @Test
    void thePollAnswers304UntilSomethingChangesAnd200AfterASave() throws Exception {
        Account polled = student("Polled");
        start(polled, via(PROXY, "192.0.2.10", CHROME));
        long id = attempts.find(QUIZ, polled.id()).orElseThrow().getId();
        String board = "/admin/quizzes/" + QUIZ + "/live/board?q=" + prefix;

        MvcResult first = mvc.perform(get(board).with(user(ta))).andExpect(status().isOk()).andExpect(header().exists("ETag")).andReturn();
        String etag = first.getResponse().getHeader("ETag");
        assertThat(first.getResponse().getContentAsString()).contains("live-board").doesNotContain("<html");
        mvc.perform(get(board).with(user(ta)).header("If-None-Match", etag)).andExpect(status().isNotModified());
        clock.advance(Duration.ofSeconds(30));
        mvc.perform(get(board).with(user(ta)).header("If-None-Match", etag)).andExpect(status().isNotModified());

        save(polled, id, "{\"1.1\": true}", via(PROXY, "192.0.2.10", CHROME)).andExpect(status().isOk());
        MvcResult changed = mvc.perform(get(board).with(user(ta)).header("If-None-Match", etag)).andExpect(status().isOk()).andReturn();
        assertThat(changed.getResponse().getHeader("ETag")).isNotEqualTo(etag);
        assertThat(row(changed.getResponse().getContentAsString(), polled)).contains(">1<");
    }

    @Test
    void theTableIsPagedFiftyAtATimeAndFiltersByStatusAndName() throws Exception {
        for (int i = 0; i < 53; i++) {
            student(String.format("Many%02d", i));
        }
        Account started = student("Started");
        start(started, via(PROXY, "192.0.2.10", CHROME));

        String first = live("?q=" + prefix);
        assertThat(rows(first)).isEqualTo(50);
        assertThat(first).contains("Page 1 of 2", "50 shown of 54 matching");
        assertThat(rows(live("?q=" + prefix + "&page=2"))).isEqualTo(4);

        String inProgress = live("?q=" + prefix + "&status=in_progress");
        assertThat(rows(inProgress)).isEqualTo(1);
        assertThat(row(inProgress, started)).contains("in progress");
        assertThat(rows(live("?q=" + prefix + "many0&status=not_started"))).isEqualTo(10);
        assertThat(rows(live("?q=" + prefix + "&sort=time_left"))).isEqualTo(50);
        assertThat(row(live("?q=" + prefix + "&sort=time_left"), started)).contains("in progress");
    }

    @Test
    void studentsGet403() throws Exception {
        UserDetails student = fixtures.signIn(student("Curious"));
        mvc.perform(get("/admin/quizzes/{q}/live", QUIZ).with(user(student))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/quizzes/{q}/live/board", QUIZ).with(user(student))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/attempts/1/timeline.csv").with(user(student))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/quizzes/{q}/live", QUIZ).with(user(fixtures.staff(Role.INSTRUCTOR)))).andExpect(status().isOk());
    }

    @Test
    void theTimelineShowsTheStartSavesPerMinuteAChangeARefusalAndTheSubmission() throws Exception {
        Account disputed = student("Disputed");
        start(disputed, via(PROXY, "192.0.2.10", CHROME));
        long id = attempts.find(QUIZ, disputed.id()).orElseThrow().getId();
        clock.set(clock.instant().plusSeconds(60 - clock.instant().getEpochSecond() % 60)); // the start of a minute
        for (int i = 0; i < 3; i++) {
            save(disputed, id, "{\"1.1\": true}", via(PROXY, "192.0.2.10", CHROME)).andExpect(status().isOk());
            clock.advance(Duration.ofSeconds(2));
        }
        clock.advance(Duration.ofMinutes(1));
        save(disputed, id, "{\"1.1\": false}", via(PROXY, "192.0.2.77", CHROME)).andExpect(status().isOk());
        quizSettings.changeAccess(QUIZ, new AccessChange(AccessRules.CodeMode.OFF, null, null,
                List.of(AddressRange.parse("192.0.2.0/24")), List.of(), List.of(), null));
        caches.getCache("quiz-access").clear();
        save(disputed, id, "{\"1.1\": false}", via(PROXY, "203.0.113.5", CHROME)).andExpect(status().isForbidden());
        clock.advance(Duration.ofSeconds(5));
        mvc.perform(post("/api/attempts/{id}/submit", id).with(user(fixtures.signIn(disputed))).with(csrf())
                .with(via(PROXY, "192.0.2.77", CHROME)).contentType(MediaType.APPLICATION_JSON).content("{\"1.1\": false}"))
                .andExpect(status().isOk());

        String page = mvc.perform(get("/admin/attempts/{id}", id).with(user(ta))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Evidence timeline", "Started from", "192.0.2.10", "Chrome 131 on Windows", CHROME.substring(0, 40),
                "3 saves", "2 saves", "Address changed", "192.0.2.10 -&gt; 192.0.2.77", "Refused by an access rule",
                "NETWORK 203.0.113.5", "Submitted", "STUDENT");

        String csv = mvc.perform(get("/admin/attempts/{id}/timeline.csv", id).with(user(ta))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"attempt-" + id + "-timeline.csv\""))
                .andReturn().getResponse().getContentAsString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("at,kind,saves,detail");
        // an empty first cell is written as "" (Commons CSV), a cell with commas in quotes
        assertThat(lines).contains("\"\",START_PLACE,,192.0.2.10 Chrome 131 on Windows", "\"\",START_USER_AGENT,,\"" + CHROME + "\"")
                .anyMatch(l -> l.matches("[0-9T:.Z-]+,STARTED,,192.0.2.10 · Chrome 131 on Windows"))
                .anyMatch(l -> l.matches("[0-9T:.Z-]+:00Z,SAVES,3,"))
                .anyMatch(l -> l.matches("[0-9T:.Z-]+:00Z,SAVES,2,"))
                .anyMatch(l -> l.endsWith(",ADDRESS_CHANGED,,192.0.2.10 -> 192.0.2.77"))
                .anyMatch(l -> l.endsWith(",REFUSED,,NETWORK 203.0.113.5"))
                .anyMatch(l -> l.endsWith(",SUBMITTED,,STUDENT"));
        mvc.perform(get("/admin/attempts/{id}/timeline.csv", 999_999).with(user(ta))).andExpect(status().isNotFound());
    }

    @Test
    void aDetailThatLooksLikeAFormulaIsNeutralisedInTheCsv() throws Exception {
        Account odd = student("Odd");
        start(odd, via(PROXY, "192.0.2.10", "=HYPERLINK(\"http://x\")"));
        long id = attempts.find(QUIZ, odd.id()).orElseThrow().getId();
        evidence.record(id, EvidenceKind.BROWSER_CHANGED, "+10 minutes: fire alarm");
        String csv = mvc.perform(get("/admin/attempts/{id}/timeline.csv", id).with(user(ta))).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("\"\",START_USER_AGENT,,\"'=HYPERLINK(\"\"http://x\"\")\"", ",BROWSER_CHANGED,,'+10 minutes: fire alarm");
    }

    // ---- helpers ----

    private Account student(String name) {
        String netId = prefix.toLowerCase() + name.toLowerCase();
        return accounts.create(netId, prefix + " " + name, null, "AA", Role.STUDENT, null);
    }

    private void start(Account student, RequestPostProcessor from) throws Exception {
        mvc.perform(post("/quizzes/{q}/start", QUIZ).with(user(fixtures.signIn(student))).with(csrf()).with(from)
                .param("signature", student.fullName()).param("agree", "true")).andExpect(redirectedUrlPattern("/attempts/*"));
    }

    private org.springframework.test.web.servlet.ResultActions save(Account student, long id, String json, RequestPostProcessor from)
            throws Exception {
        return mvc.perform(put("/api/attempts/{id}/answers", id).with(user(fixtures.signIn(student))).with(csrf()).with(from)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String live(String query) throws Exception {
        return mvc.perform(get("/admin/quizzes/" + QUIZ + "/live" + query).with(user(ta))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static String row(String page, Account student) {
        Matcher m = Pattern.compile("<tr id=\"student-" + Pattern.quote(student.username()) + "\".*?</tr>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("a row for " + student.username()).isTrue();
        return m.group();
    }

    private static int rows(String page) {
        Matcher m = Pattern.compile("<tr id=\"student-").matcher(page);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static RequestPostProcessor via(String remote, String forwardedFor, String userAgent) {
        return request -> {
            request.setRemoteAddr(remote);
            if (forwardedFor != null) {
                request.addHeader("X-Forwarded-For", forwardedFor);
            }
            if (userAgent != null) {
                request.addHeader("User-Agent", userAgent);
            }
            return request;
        };
    }
}
