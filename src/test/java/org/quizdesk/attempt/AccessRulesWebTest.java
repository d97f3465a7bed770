package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.quiz.AccessChange;
import org.quizdesk.quiz.AccessRule;
import org.quizdesk.quiz.AccessRules;
import org.quizdesk.quiz.AddressRange;
import org.quizdesk.quiz.QuizSettingsService;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cache.CacheManager;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Each access rule over HTTP: the access code (fixed, rotating, its tries), the address ranges behind the trusted
 * proxy (and a spoofed X-Forwarded-For that does not get in), Safe Exam Browser's headers; refused saves keep
 * nothing, and every refusal is recorded once a minute.
 */
@SpringBootTest(properties = "quizdesk.proxies.trusted=10.9.0.2")
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class AccessRulesWebTest {

    static final String QUIZ = AttemptWebTest.QUIZ;
    static final String ROOM = "192.0.2.0/24";
    static final String PROXY = "10.9.0.2";
    static final String CONFIG_KEY = "4b0dbe9e1b0a6c2f9d2e1f3a5c7b9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired QuizSettingsService quizSettings;
    @Autowired AccessRefusals refusals;
    @Autowired UserDetailsService users;
    @Autowired CacheManager caches;
    @Autowired MutableClock clock;
    @Autowired org.quizdesk.attempt.internal.AccessRefusalRepository refusalRows;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    UserDetails student;
    long accountId;

    @BeforeEach
    void signedInStudent() {
        clock.set(MutableClockConfiguration.START.plus(Duration.ofDays(1)));
        newStudent();
    }

    @AfterEach
    void noRules() {
        rules(AccessRules.CodeMode.OFF, null, null, List.of(), List.of());
    }

    @Test
    void aWrongAccessCodeIsRefusedAndTheRightOneStarts() throws Exception {
        rules(AccessRules.CodeMode.FIXED, "Owl-42", null, List.of(), List.of());

        mvc.perform(get("/quizzes/{q}", QUIZ).with(user(student)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"accessCode\"")));
        assertRefusedStart(start(null, from("127.0.0.1")), "attempt.refused.accessCode");
        assertRefusedStart(start("owl-41", from("127.0.0.1")), "attempt.refused.accessCode");
        assertThat(attempts.find(QUIZ, accountId)).isEmpty();

        mvc.perform(start(" owl-42 ", from("127.0.0.1"))).andExpect(redirectedUrlPattern("/attempts/*"));
        assertThat(attempts.find(QUIZ, accountId)).isPresent();
        assertThat(rules(AccessRule.ACCESS_CODE)).isEqualTo(1);
    }

    @Test
    void theRotatingCodeOfThePreviousStepIsTakenForAMinuteAndAnOlderOneIsNot() throws Exception {
        rules(AccessRules.CodeMode.ROTATING, null, 5, List.of(), List.of());
        var rotating = quizSettings.settings(QUIZ).getAccess().rotating();
        Instant changed = rotating.nextChangeAfter(clock.instant());
        String previous = rotating.codeAt(changed.minusSeconds(1));
        String older = rotating.codeAt(changed.minus(Duration.ofMinutes(6)));

        clock.set(changed.plusSeconds(30));
        assertRefusedStart(start(older, from("127.0.0.1")), "attempt.refused.accessCode");
        mvc.perform(start(previous, from("127.0.0.1"))).andExpect(redirectedUrlPattern("/attempts/*"));

        newStudent();
        clock.set(changed.plusSeconds(61));
        assertRefusedStart(start(previous, from("127.0.0.1")), "attempt.refused.accessCode");
        mvc.perform(start(rotating.codeAt(clock.instant()), from("127.0.0.1"))).andExpect(redirectedUrlPattern("/attempts/*"));
    }

    @Test
    void guessingTheCodeIsStoppedAfterFiveTriesAMinute() throws Exception {
        rules(AccessRules.CodeMode.FIXED, "924613", null, List.of(), List.of());
        for (int guess = 0; guess < 5; guess++) {
            assertRefusedStart(start("00000" + guess, from("127.0.0.1")), "attempt.refused.accessCode");
        }
        assertRefusedStart(start("924613", from("127.0.0.1")), "attempt.refused.accessCodeTries");
        assertThat(attempts.find(QUIZ, accountId)).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        mvc.perform(start("924613", from("127.0.0.1"))).andExpect(redirectedUrlPattern("/attempts/*"));
    }

    @Test
    void anAddressOutsideTheRangeIsRefusedOnStartSaveAndSubmitAndNothingIsStored() throws Exception {
        rules(AccessRules.CodeMode.OFF, null, null, List.of(ROOM), List.of());

        mvc.perform(get("/quizzes/{q}", QUIZ).with(user(student)).with(from("198.51.100.7")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "This quiz can only be taken from the exam room network (your address is 198.51.100.7).")));
        mvc.perform(get("/quizzes/{q}", QUIZ).with(user(student)).with(from("192.0.2.10")).header("Accept-Language", "de"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Prüfungsraums"))));
        mvc.perform(get("/quizzes/{q}", QUIZ).with(user(student)).with(from("198.51.100.7")).header("Accept-Language", "de"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Netz des Prüfungsraums")));
        assertRefusedStart(start(null, from("198.51.100.7")), "attempt.refused.network");
        assertThat(attempts.find(QUIZ, accountId)).isEmpty();
        mvc.perform(start(null, from("192.0.2.10"))).andExpect(redirectedUrlPattern("/attempts/*"));
        long id = attempts.find(QUIZ, accountId).orElseThrow().getId();

        mvc.perform(save(id, "{\"1.1\": true}").with(from("198.51.100.7")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("outside_network"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("your address is 198.51.100.7")));
        mvc.perform(post("/attempts/{id}/save", id).with(user(student)).with(csrf()).with(from("198.51.100.7"))
                        .param("answer:1.1", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/attempts/{id}/submit", id).with(user(student)).with(csrf()).with(from("198.51.100.7"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"1.1\": true}"))
                .andExpect(status().isForbidden());
        assertThat(attemptRepository.findById(id).orElseThrow().getAnswers()).isEqualTo("{}");
        assertThat(attemptRepository.findById(id).orElseThrow().isSubmitted()).isFalse();

        mvc.perform(save(id, "{\"1.1\": true}").with(from("192.0.2.10"))).andExpect(status().isOk());
        assertThat(attemptRepository.findById(id).orElseThrow().getAnswers()).isEqualTo("{\"1.1\":true}");
        // start, two saves and a submission refused in one minute: one row for the rule
        assertThat(rules(AccessRule.NETWORK)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        mvc.perform(save(id, "{\"1.1\": false}").with(from("198.51.100.7"))).andExpect(status().isForbidden());
        assertThat(rules(AccessRule.NETWORK)).isEqualTo(2);
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedAddressDoesNotGetInAndTheTrustedProxysDoes() throws Exception {
        rules(AccessRules.CodeMode.OFF, null, null, List.of(ROOM), List.of());

        assertRefusedStart(start(null, from("127.0.0.1", "192.0.2.10")), "attempt.refused.network");
        assertRefusedStart(start(null, from("198.51.100.7", "192.0.2.10")), "attempt.refused.network");
        assertRefusedStart(start(null, from(PROXY, "198.51.100.7")), "attempt.refused.network");
        assertThat(attempts.find(QUIZ, accountId)).isEmpty();

        // the client's own word left of the proxy's entry does not count either
        assertRefusedStart(start(null, from(PROXY, "192.0.2.10, 198.51.100.7")), "attempt.refused.network");
        mvc.perform(start(null, from(PROXY, "192.0.2.10"))).andExpect(redirectedUrlPattern("/attempts/*"));
    }

    @Test
    void safeExamBrowserMustSendTheHashOfTheUrlItRequestedAndTheConfigKey() throws Exception {
        rules(AccessRules.CodeMode.OFF, null, null, List.of(), List.of(CONFIG_KEY));

        assertRefusedStart(start(null, from("127.0.0.1")), "attempt.refused.safeExamBrowser");
        String startUrl = "http://localhost/quizzes/" + QUIZ + "/start";
        assertRefusedStart(start(null, configKeyHash(sha256("http://localhost/quizzes/" + QUIZ + CONFIG_KEY))),
                "attempt.refused.safeExamBrowser");
        mvc.perform(start(null, configKeyHash(sha256(startUrl + CONFIG_KEY)))).andExpect(redirectedUrlPattern("/attempts/*"));
        long id = attempts.find(QUIZ, accountId).orElseThrow().getId();

        String saveUrl = "http://localhost/api/attempts/" + id + "/answers";
        mvc.perform(save(id, "{\"1.1\": true}")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("not_safe_exam_browser"))
                .andExpect(jsonPath("$.message").value("Open this quiz in Safe Exam Browser, with the configuration for this exam."));
        mvc.perform(save(id, "{\"1.1\": true}").with(configKeyHash(sha256(saveUrl + "f".repeat(64))))).andExpect(status().isForbidden());
        mvc.perform(save(id, "{\"1.1\": true}").with(configKeyHash(sha256(saveUrl + CONFIG_KEY)))).andExpect(status().isOk());

        // behind the trusted proxy the URL is the browser's: its scheme and host
        String browserUrl = "https://exam.example.org/api/attempts/" + id + "/answers";
        RequestPostProcessor proxied = r -> {
            r.setRemoteAddr(PROXY);
            r.addHeader("X-Forwarded-For", "192.0.2.10");
            r.addHeader("X-Forwarded-Proto", "https");
            r.addHeader("X-Forwarded-Host", "exam.example.org");
            return r;
        };
        mvc.perform(save(id, "{\"1.1\": false}").with(proxied).with(configKeyHash(sha256(saveUrl + CONFIG_KEY))))
                .andExpect(status().isForbidden());
        mvc.perform(save(id, "{\"1.1\": false}").with(proxied).with(configKeyHash(sha256(browserUrl + CONFIG_KEY))))
                .andExpect(status().isOk());
        assertThat(rules(AccessRule.SAFE_EXAM_BROWSER)).isEqualTo(1);

        mvc.perform(post("/attempts/{id}/submit", id).with(user(student)).with(csrf())
                        .with(configKeyHash(sha256("http://localhost/attempts/" + id + "/submit" + CONFIG_KEY))))
                .andExpect(redirectedUrl("/attempts/" + id + "/review"));
        assertThat(attemptRepository.findById(id).orElseThrow().isSubmitted()).isTrue();
    }

    @Test
    void theConfirmationAfterSubmissionOffersSafeExamBrowsersQuitLink() throws Exception {
        // taken and submitted before the quiz asked for Safe Exam Browser (the service without a request is refused after)
        long id = attempts.start(QUIZ, accountId, "Web Student").getId();
        attempts.submit(id, accountId, null);
        quizSettings.changeAccess(QUIZ, new AccessChange(AccessRules.CodeMode.OFF, null, null, List.of(), List.of(CONFIG_KEY),
                List.of(), "seb://quit.example"));
        mvc.perform(get("/attempts/{id}/review", id).with(user(student)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"seb://quit.example\"")));
    }

    @Test
    void anotherNodeRecordingTheSameMinuteAddsNoRow() {
        AccessRefusals otherNode = new AccessRefusals(refusalRows, transactions, clock);
        refusals.record(QUIZ, accountId, AccessRule.NETWORK, "198.51.100.7");
        otherNode.record(QUIZ, accountId, AccessRule.NETWORK, "198.51.100.8");
        assertThat(rules(AccessRule.NETWORK)).isEqualTo(1);
        otherNode.record(QUIZ, accountId, AccessRule.SAFE_EXAM_BROWSER, "198.51.100.8");
        assertThat(rules(AccessRule.SAFE_EXAM_BROWSER)).isEqualTo(1);
    }

    @Test
    void aCallerThatPassesNoRequestCannotSkipTheRules() {
        rules(AccessRules.CodeMode.OFF, null, null, List.of(ROOM), List.of());
        assertThatThrownBy(() -> attempts.start(QUIZ, accountId, "Web Student"))
                .isInstanceOfSatisfying(AttemptRefused.class, refused -> assertThat(refused.why()).isEqualTo(AttemptRefused.Why.OUTSIDE_NETWORK));
        assertThat(attempts.find(QUIZ, accountId)).isEmpty();

        rules(AccessRules.CodeMode.FIXED, "Owl-42", null, List.of(), List.of());
        assertThatThrownBy(() -> attempts.start(QUIZ, accountId, "Web Student"))
                .isInstanceOfSatisfying(AttemptRefused.class, refused -> assertThat(refused.why()).isEqualTo(AttemptRefused.Why.WRONG_ACCESS_CODE));
        assertThat(attempts.find(QUIZ, accountId)).isEmpty();
    }

    // ---- helpers ----

    private void newStudent() {
        String name = "a" + System.nanoTime();
        accountId = accounts.create(name, "Web Student", null, "AA", Role.STUDENT, "pw").id();
        student = users.loadUserByUsername(name);
    }

    private void rules(AccessRules.CodeMode mode, String code, Integer minutes, List<String> ranges, List<String> configKeys) {
        quizSettings.changeAccess(QUIZ, new AccessChange(mode, code, minutes, ranges.stream().map(AddressRange::parse).toList(),
                configKeys, List.of(), null));
        // saves read the rules through a cache of a few seconds; the test does not wait
        caches.getCache("quiz-access").clear();
    }

    private long rules(AccessRule rule) {
        return refusals.page(QUIZ, 0, 100).refusals().stream().filter(r -> r.accountId() == accountId && r.rule() == rule).count();
    }

    private org.springframework.test.web.servlet.RequestBuilder start(String code, RequestPostProcessor from) {
        var request = post("/quizzes/{q}/start", QUIZ).with(user(student)).with(csrf()).with(from)
                .param("signature", "Web Student").param("agree", "true");
        return code == null ? request : request.param("accessCode", code);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder save(long id, String json) {
        return put("/api/attempts/{id}/answers", id).with(user(student)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private void assertRefusedStart(org.springframework.test.web.servlet.RequestBuilder start, String key) throws Exception {
        MvcResult result = mvc.perform(start).andExpect(redirectedUrl("/quizzes/" + QUIZ)).andReturn();
        Object error = result.getFlashMap().get("error");
        assertThat(error).isInstanceOf(MessageSourceResolvable.class);
        assertThat(((MessageSourceResolvable) error).getCodes()).containsExactly(key);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static RequestPostProcessor from(String address, String forwardedFor) {
        return request -> {
            request.setRemoteAddr(address);
            request.addHeader("X-Forwarded-For", forwardedFor);
            return request;
        };
    }

    private static RequestPostProcessor configKeyHash(String hash) {
        return request -> {
            request.addHeader("X-SafeExamBrowser-ConfigKeyHash", hash);
            return request;
        };
    }

    /** The header's definition, written out here rather than taken from the code under test. */
    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
