package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.attempt.internal.Accommodation;
import org.quizdesk.attempt.internal.AccommodationRepository;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.attempt.internal.QuestionScoreRepository;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.quiz.QuizNotFound;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class AttemptServiceTest {

    static final String QUIZ = "cse493g1-au24-quiz2";
    static final Duration GRACE = Duration.ofSeconds(30);

    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired QuestionScoreRepository scores;
    @Autowired AccommodationRepository accommodations;
    @Autowired QuizSettingsRepository settings;
    @Autowired AccountService accounts;
    @Autowired MutableClock clock;

    Account student;

    @BeforeEach
    void freshStudentAndOpenQuiz() {
        clock.set(MutableClockConfiguration.START);
        student = accounts.create("s" + System.nanoTime(), "Ada Lovelace", null, "AA", Role.STUDENT, "pw");
        QuizSettingsRow quiz = settings.findById(QUIZ).orElseThrow();
        quiz.setPublished(true);
        quiz.setWindow(null, null);
        quiz.setTimeLimitSeconds(null);
        settings.save(quiz);
    }

    static String solutionKey() throws Exception {
        return Files.readString(Path.of("docs/examples/seed-solution-key.json"));
    }

    @Test
    void startFixesTheDeadlineFromTheServerClockAndIsIdempotent() {
        Attempt first = attempts.start(QUIZ, student.id(), "Ada Lovelace");
        assertThat(first.getStartedAt()).isEqualTo(MutableClockConfiguration.START);
        assertThat(first.getDeadline()).isEqualTo(MutableClockConfiguration.START.plus(Duration.ofMinutes(30)));

        clock.advance(Duration.ofMinutes(3));
        Attempt again = attempts.start(QUIZ, student.id(), "Ada Lovelace");

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(again.getDeadline()).as("coming back never buys time").isEqualTo(first.getDeadline());
        assertThat(attemptRepository.findByAccountId(student.id())).hasSize(1);
    }

    @Test
    void extraTimeFactorAndMinutesStretchTheDeadlineButTheWindowCloseCapsIt() {
        Accommodation accommodation = new Accommodation(QUIZ, student.id());
        accommodation.setExtraTime(new BigDecimal("1.5"), 5);
        accommodations.save(accommodation);

        Attempt attempt = attempts.start(QUIZ, student.id(), "Ada Lovelace");
        assertThat(Duration.between(attempt.getStartedAt(), attempt.getDeadline())).isEqualTo(Duration.ofMinutes(50));

        Account other = accounts.create("o" + System.nanoTime(), "Alan Turing", null, "AA", Role.STUDENT, "pw");
        Accommodation capped = new Accommodation(QUIZ, other.id());
        capped.setExtraTime(new BigDecimal("2"), 0);
        accommodations.save(capped);
        QuizSettingsRow quiz = settings.findById(QUIZ).orElseThrow();
        Instant closes = clock.instant().plus(Duration.ofMinutes(40));
        quiz.setWindow(null, closes);
        settings.save(quiz);

        assertThat(attempts.start(QUIZ, other.id(), "Alan Turing").getDeadline()).isEqualTo(closes);
    }

    @Test
    void startIsRefusedOutsideTheWindowWhenHiddenOrWithoutASignature() {
        QuizSettingsRow quiz = settings.findById(QUIZ).orElseThrow();
        quiz.setWindow(clock.instant().plus(Duration.ofHours(1)), clock.instant().plus(Duration.ofHours(2)));
        settings.save(quiz);
        assertRefused(() -> attempts.start(QUIZ, student.id(), "Ada Lovelace"), AttemptRefused.Why.NOT_OPEN);

        quiz.setWindow(null, null);
        quiz.setPublished(false);
        settings.save(quiz);
        assertRefused(() -> attempts.start(QUIZ, student.id(), "Ada Lovelace"), AttemptRefused.Why.NOT_OPEN);

        quiz.setPublished(true);
        settings.save(quiz);
        assertRefused(() -> attempts.start(QUIZ, student.id(), "  "), AttemptRefused.Why.BAD_SIGNATURE);
        assertThatThrownBy(() -> attempts.start("no-such-quiz", student.id(), "Ada Lovelace")).isInstanceOf(QuizNotFound.class);
        assertThat(attemptRepository.findByAccountId(student.id())).isEmpty();
    }

    @Test
    void saveStoresCanonicalAnswersAndRefusesBadInputWithoutHarm() {
        Attempt attempt = attempts.start(QUIZ, student.id(), "Ada Lovelace");
        attempts.save(attempt.getId(), student.id(), "{\"2.1\": [\"C\", \"A\"], \"1.1\": false, \"1.2\": null}");
        String saved = reload(attempt).getAnswers();
        assertThat(saved).contains("\"2.1\":[\"A\",\"C\"]").contains("\"1.1\":false").doesNotContain("1.2");

        assertRefused(() -> attempts.save(attempt.getId(), student.id(), "{\"2.1\": [\"E\"]}"), AttemptRefused.Why.INVALID_ANSWERS);
        assertRefused(() -> attempts.save(attempt.getId(), student.id(), "{\"9.9\": true}"), AttemptRefused.Why.INVALID_ANSWERS);
        assertRefused(() -> attempts.save(attempt.getId(), student.id(), "{\"1.1\": \"yes\"}"), AttemptRefused.Why.INVALID_ANSWERS);
        assertRefused(() -> attempts.save(attempt.getId(), student.id(), "[1, 2]"), AttemptRefused.Why.INVALID_ANSWERS);
        assertRefused(() -> attempts.save(attempt.getId(), student.id(), "{\"3.1.4\": \"" + "x".repeat(70_000) + "\"}"),
                AttemptRefused.Why.TOO_LARGE);

        Account intruder = accounts.create("i" + System.nanoTime(), "Mallory", null, "AA", Role.STUDENT, "pw");
        assertRefused(() -> attempts.save(attempt.getId(), intruder.id(), "{}"), AttemptRefused.Why.NOT_FOUND);

        Attempt after = reload(attempt);
        assertThat(after.getAnswers()).isEqualTo(saved);
        assertThat(after.getSaveCount()).isEqualTo(1);
    }

    @Test
    void savesAreTakenUntilTheDeadlinePlusGraceAndNeverAfter() {
        Attempt attempt = attempts.start(QUIZ, student.id(), "Ada Lovelace");
        clock.set(attempt.getDeadline().plus(GRACE).minusSeconds(1));
        attempts.save(attempt.getId(), student.id(), "{\"1.1\": true}");

        clock.set(attempt.getDeadline().plus(GRACE));
        assertRefused(() -> attempts.save(attempt.getId(), student.id(), "{\"1.1\": false}"), AttemptRefused.Why.TIME_UP);
        assertThat(reload(attempt).getAnswers()).contains("\"1.1\":true");
    }

    @Test
    void submitScoresAtOnceAndASecondSubmitChangesNothing() throws Exception {
        Attempt attempt = attempts.start(QUIZ, student.id(), "Ada Lovelace");
        clock.advance(Duration.ofMinutes(12));
        Attempt submitted = attempts.submit(attempt.getId(), student.id(), solutionKey());

        assertThat(submitted.getSubmittedBy()).isEqualTo(SubmittedBy.STUDENT);
        assertThat(submitted.getSubmittedAt()).isEqualTo(clock.instant());
        assertThat(submitted.getTotal()).isEqualByComparingTo("18");
        assertThat(submitted.getMaxPoints()).isEqualByComparingTo("20");
        assertThat(submitted.getPendingCount()).isEqualTo(1);
        assertThat(scores.findByAttemptId(attempt.getId())).hasSize(10)
                .filteredOn(s -> s.getQuestionId().equals("3.1.4")).singleElement()
                .satisfies(s -> assertThat(s.isPending()).isTrue());

        clock.advance(Duration.ofMinutes(1));
        Attempt again = attempts.submit(attempt.getId(), student.id(), solutionKey());
        assertThat(again.getSubmittedAt()).isEqualTo(submitted.getSubmittedAt());
        // other final answers are not taken, and the submit says so rather than "submitted"
        assertRefused(() -> attempts.submit(attempt.getId(), student.id(), "{}"), AttemptRefused.Why.ALREADY_SUBMITTED);
        assertThat(reload(attempt).getAnswers()).as("a repeated submit stores nothing").contains("3.1.1");
        assertRefused(() -> attempts.save(attempt.getId(), student.id(), "{}"), AttemptRefused.Why.ALREADY_SUBMITTED);
    }

    @Test
    void concurrentSubmitsEndInOneSubmission() throws Exception {
        Attempt attempt = attempts.start(QUIZ, student.id(), "Ada Lovelace");
        attempts.save(attempt.getId(), student.id(), solutionKey());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racers.add(() -> attempts.submitAndGrade(attempt.getId(), SubmittedBy.STUDENT));
            }
            long winners = 0;
            for (Future<Boolean> result : pool.invokeAll(racers)) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(scores.findByAttemptId(attempt.getId())).hasSize(10);
    }

    @Test
    void aLateSubmitIsRefusedAndTheSavedAnswersAreSubmittedForTheStudent() throws Exception {
        Attempt attempt = attempts.start(QUIZ, student.id(), "Ada Lovelace");
        attempts.save(attempt.getId(), student.id(), solutionKey());
        clock.set(attempt.getDeadline().plus(Duration.ofMinutes(5)));

        assertRefused(() -> attempts.submit(attempt.getId(), student.id(), "{\"1.1\": true}"), AttemptRefused.Why.TIME_UP);

        Attempt after = reload(attempt);
        assertThat(after.getSubmittedBy()).isEqualTo(SubmittedBy.DEADLINE);
        assertThat(after.getAnswers()).contains("\"1.1\":false");
        assertThat(after.getTotal()).isEqualByComparingTo("18");
    }

    @Test
    void theExpiryJobSubmitsOnlyExpiredAttemptsOnce() throws Exception {
        Attempt expiring = attempts.start(QUIZ, student.id(), "Ada Lovelace");
        attempts.save(expiring.getId(), student.id(), "{\"1.4\": true}");
        clock.advance(Duration.ofMinutes(20));
        Account late = accounts.create("l" + System.nanoTime(), "Grace Hopper", null, "AB", Role.STUDENT, "pw");
        Attempt stillRunning = attempts.start(QUIZ, late.id(), "Grace Hopper");

        clock.set(expiring.getDeadline().plus(GRACE).plusSeconds(1));
        attempts.submitExpiredAttempts();
        attempts.submitExpiredAttempts();

        Attempt submitted = reload(expiring);
        assertThat(submitted.getSubmittedBy()).isEqualTo(SubmittedBy.DEADLINE);
        assertThat(submitted.getTotal()).isEqualByComparingTo("1");
        assertThat(reload(stillRunning).isSubmitted()).isFalse();
    }

    private Attempt reload(Attempt attempt) {
        return attemptRepository.findById(attempt.getId()).orElseThrow();
    }

    private static void assertRefused(Runnable action, AttemptRefused.Why why) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(AttemptRefused.class, e -> assertThat(e.why()).isEqualTo(why));
    }
}
