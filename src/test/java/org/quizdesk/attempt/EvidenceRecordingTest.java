package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the start and the save path record for the control room and the evidence, through the service: the start's
 * place and event, nothing extra for saves from the same place, the flags for another one, saves per minute kept in
 * memory and written in one batch without being counted twice, and the submission's event.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class EvidenceRecordingTest {

    static final String QUIZ = AttemptWebTest.QUIZ;
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";

    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired AttemptEvidence evidence;
    @Autowired SaveCounts saveCounts;
    @Autowired AccountService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    long accountId;

    @BeforeEach
    void student() {
        clock.set(MutableClockConfiguration.START.plus(Duration.ofDays(1)));
        accountId = accounts.create("ev" + System.nanoTime(), "Evi Dence", null, "AA", Role.STUDENT, null).id();
    }

    @Test
    void theStartRecordsItsPlaceAndAnEventAndSavesFromThereRecordNothingMore() {
        String longAgent = CHROME + " " + "x".repeat(400);
        Attempt started = attempts.start(QUIZ, accountId, "Evi Dence", null, request("192.0.2.10", longAgent));
        assertThat(started.getStartAddress()).isEqualTo("192.0.2.10");
        assertThat(started.getStartBrowser()).isEqualTo("Chrome 131 on Windows");
        assertThat(started.getStartUserAgent()).hasSize(300).startsWith(CHROME);

        for (int i = 0; i < 3; i++) {
            attempts.autosave(started.getId(), accountId, "{\"1.1\": true, \"1.2\": " + (i % 2 == 0) + "}", request("192.0.2.10", longAgent));
            clock.advance(Duration.ofSeconds(1));
        }
        // a tool's save (no request) is no place at all: it changes nothing either
        attempts.save(started.getId(), accountId, "{\"1.1\": true}");

        Attempt saved = attemptRepository.findById(started.getId()).orElseThrow();
        assertThat(saved.getAnsweredCount()).isEqualTo(1);
        assertThat(saved.isSecondAddress()).isFalse();
        assertThat(saved.isSecondBrowser()).isFalse();
        assertThat(evidence.timeline(started.getId()).orElseThrow().entries())
                .filteredOn(e -> e.kind() != EvidenceKind.SAVES).extracting(AttemptEvidence.Entry::kind)
                .containsExactly(EvidenceKind.STARTED);
    }

    @Test
    void aSaveFromAnotherPlaceFlagsTheAttemptOnceAndRecordsEachChange() {
        long id = attempts.start(QUIZ, accountId, "Evi Dence", null, request("192.0.2.10", CHROME)).getId();
        attempts.autosave(id, accountId, "{\"1.1\": true}", request("192.0.2.11", SAFARI));
        clock.advance(Duration.ofSeconds(1));
        attempts.autosave(id, accountId, "{\"1.1\": true}", request("192.0.2.10", CHROME));

        Attempt back = attemptRepository.findById(id).orElseThrow();
        assertThat(back.isSecondAddress()).as("the flag stays after the student returns").isTrue();
        assertThat(back.isSecondBrowser()).isTrue();
        assertThat(back.getLastAddress()).isEqualTo("192.0.2.10");
        assertThat(evidence.timeline(id).orElseThrow().entries()).filteredOn(e -> e.kind() != EvidenceKind.SAVES)
                .extracting(e -> e.kind() + " " + e.detail())
                .containsExactly("STARTED 192.0.2.10 · Chrome 131 on Windows",
                        "ADDRESS_CHANGED 192.0.2.10 -> 192.0.2.11", "BROWSER_CHANGED Chrome 131 on Windows -> Safari 18.1 on macOS",
                        "ADDRESS_CHANGED 192.0.2.11 -> 192.0.2.10", "BROWSER_CHANGED Safari 18.1 on macOS -> Chrome 131 on Windows");
    }

    @Test
    void savesPerMinuteAreWrittenInOneBatchAndCountedOnce() {
        long id = attempts.start(QUIZ, accountId, "Evi Dence", null, request("192.0.2.10", CHROME)).getId();
        clock.set(clock.instant().plusSeconds(60 - clock.instant().getEpochSecond() % 60));
        for (int i = 0; i < 4; i++) {
            attempts.autosave(id, accountId, "{}", request("192.0.2.10", CHROME));
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofMinutes(1));
        attempts.autosave(id, accountId, "{}", request("192.0.2.10", CHROME));
        assertThat(rows(id)).isZero();
        List<Integer> before = saves(id);

        saveCounts.flush();
        assertThat(rows(id)).isEqualTo(2);
        assertThat(saves(id)).isEqualTo(before).containsExactly(4, 1);

        attempts.autosave(id, accountId, "{}", request("192.0.2.10", CHROME));
        saveCounts.flush();
        assertThat(rows(id)).as("a later flush adds a row, summed when read").isEqualTo(3);
        assertThat(saves(id)).containsExactly(4, 2);
    }

    @Test
    void theSubmissionIsRecordedWithWhoSubmitted() {
        long id = attempts.start(QUIZ, accountId, "Evi Dence", null, request("192.0.2.10", CHROME)).getId();
        attempts.submit(id, accountId, "{\"1.1\": true}", request("192.0.2.10", CHROME));
        assertThat(evidence.timeline(id).orElseThrow().entries()).filteredOn(e -> e.kind() != EvidenceKind.SAVES).last()
                .satisfies(e -> assertThat(e.kind() + " " + e.detail()).isEqualTo("SUBMITTED STUDENT"));
    }

    private List<Integer> saves(long id) {
        return evidence.timeline(id).orElseThrow().entries().stream().filter(e -> e.kind() == EvidenceKind.SAVES)
                .map(AttemptEvidence.Entry::saves).toList();
    }

    private long rows(long id) {
        return jdbc.sql("select count(*) from attempt_save_minute where attempt_id = ?").param(id).query(Long.class).single();
    }

    private static AccessRequest request(String address, String userAgent) {
        return new AccessRequest(address, "http://localhost/api/attempts/answers", null, null, userAgent);
    }
}
