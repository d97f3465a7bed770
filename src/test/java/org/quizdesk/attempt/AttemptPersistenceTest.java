package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.attempt.internal.QuestionScoreRepository;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Attempts through the service against a real database: start, autosave, submit, the deadline job and races
 * between submitters. Runs on H2 here and on PostgreSQL in {@link PostgresAttemptPersistenceTest}.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class AttemptPersistenceTest {

    static final String QUIZ = "cse493g1-au24-quiz2";
    static final String ANSWERS = """
            {"1.1": true, "1.2": false, "2.1": ["A", "C"], "3.1.1": "4 x 4 x 5", "3.1.4": "Network 2 uses one conv with stride 4"}""";
    /** The seed quiz has ten scored questions worth 20 points. */
    static final int QUESTIONS = 10;
    private static final AtomicInteger STUDENTS = new AtomicInteger();

    @Autowired
    AttemptService service;

    @Autowired
    AttemptRepository attempts;

    @Autowired
    QuestionScoreRepository scores;

    @Autowired
    AccountService accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry meters;

    long newStudent() {
        String username = "persist" + STUDENTS.incrementAndGet();
        return accounts.create(username, "Student " + username, null, "AA", Role.STUDENT, "pw-" + username).id();
    }

    @Test
    void startingTwiceKeepsOneAttemptWithTheDeadlineOfTheFirstStart() {
        long student = newStudent();
        Attempt first = service.start(QUIZ, student, "Ada Lovelace");
        clock.advance(Duration.ofMinutes(1));
        Attempt second = service.start(QUIZ, student, "Ada Lovelace");

        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(second.getDeadline()).isEqualTo(first.getStartedAt().plus(Duration.ofMinutes(30)));
        assertThat(attempts.findByAccountId(student)).hasSize(1);
    }

    @Test
    void aSaveStoresTheCanonicalAnswersAndCountsTheSave() {
        long student = newStudent();
        Attempt attempt = service.start(QUIZ, student, "Ada Lovelace");
        double savedBefore = meters.counter(AttemptMetrics.SAVES, "outcome", "saved").count();

        service.save(attempt.getId(), student, ANSWERS);
        service.save(attempt.getId(), student, ANSWERS);

        Attempt stored = attempts.findById(attempt.getId()).orElseThrow();
        assertThat(stored.getSaveCount()).isEqualTo(2);
        assertThat(stored.getSavedAt()).isEqualTo(clock.instant());
        assertThat(service.answers(stored).answers()).containsKeys("1.1", "1.2", "2.1", "3.1.1", "3.1.4");
        assertThat(meters.counter(AttemptMetrics.SAVES, "outcome", "saved").count()).isEqualTo(savedBefore + 2);
    }

    @Test
    void aSaveAfterTheDeadlineAndGraceIsRefusedAndStoresNothing() {
        long student = newStudent();
        Attempt attempt = service.start(QUIZ, student, "Ada Lovelace");
        service.save(attempt.getId(), student, "{\"1.1\": true}");
        String saved = attempts.findById(attempt.getId()).orElseThrow().getAnswers();
        double refusedBefore = meters.counter(AttemptMetrics.SAVES, "outcome", "refused").count();
        clock.advance(Duration.ofMinutes(30).plusSeconds(31));

        assertThatThrownBy(() -> service.save(attempt.getId(), student, ANSWERS))
                .isInstanceOfSatisfying(AttemptRefused.class, e -> assertThat(e.why()).isEqualTo(AttemptRefused.Why.TIME_UP));
        Attempt stored = attempts.findById(attempt.getId()).orElseThrow();
        assertThat(stored.getSaveCount()).isEqualTo(1);
        assertThat(stored.getAnswers()).isEqualTo(saved);
        assertThat(meters.counter(AttemptMetrics.SAVES, "outcome", "refused").count()).isEqualTo(refusedBefore + 1);
    }

    @Test
    void submittingGradesOnceAndASecondSubmitReturnsTheSameSubmission() {
        long student = newStudent();
        Attempt attempt = service.start(QUIZ, student, "Ada Lovelace");
        double byStudentBefore = meters.counter(AttemptMetrics.SUBMISSIONS, "by", "student").count();

        Attempt submitted = service.submit(attempt.getId(), student, ANSWERS);
        clock.advance(Duration.ofSeconds(5));
        Attempt again = service.submit(attempt.getId(), student, ANSWERS);

        assertThat(submitted.getSubmittedBy()).isEqualTo(SubmittedBy.STUDENT);
        assertThat(again.getSubmittedAt()).isEqualTo(submitted.getSubmittedAt());
        assertThat(again.getAnswers()).isEqualTo(submitted.getAnswers());
        assertThat(submitted.getMaxPoints()).isEqualByComparingTo(new BigDecimal("20"));
        assertThat(submitted.getTotal()).isNotNull();
        assertThat(scores.findByAttemptId(attempt.getId())).hasSize(QUESTIONS);
        assertThat(meters.counter(AttemptMetrics.SUBMISSIONS, "by", "student").count()).isEqualTo(byStudentBefore + 1);
        assertThat(meters.timer(AttemptMetrics.GRADING).count()).isPositive();
        assertThatThrownBy(() -> service.save(attempt.getId(), student, ANSWERS))
                .isInstanceOfSatisfying(AttemptRefused.class,
                        e -> assertThat(e.why()).isEqualTo(AttemptRefused.Why.ALREADY_SUBMITTED));
    }

    @Test
    void theDeadlineJobSubmitsTheLastSavedAnswersOfExpiredAttemptsOnly() {
        long late = newStudent();
        long early = newStudent();
        Attempt expiring = service.start(QUIZ, late, "Ada Lovelace");
        service.save(expiring.getId(), late, ANSWERS);
        String saved = attempts.findById(expiring.getId()).orElseThrow().getAnswers();
        clock.advance(Duration.ofMinutes(20));
        Attempt stillOpen = service.start(QUIZ, early, "Alan Turing");

        clock.advance(Duration.ofMinutes(10).plusSeconds(29));
        service.submitExpiredAttempts();
        assertThat(attempts.findById(expiring.getId()).orElseThrow().isSubmitted()).as("within the grace").isFalse();

        clock.advance(Duration.ofSeconds(2));
        service.submitExpiredAttempts();
        service.submitExpiredAttempts();

        Attempt submitted = attempts.findById(expiring.getId()).orElseThrow();
        assertThat(submitted.getSubmittedBy()).isEqualTo(SubmittedBy.DEADLINE);
        assertThat(submitted.getAnswers()).isEqualTo(saved);
        assertThat(scores.findByAttemptId(expiring.getId())).hasSize(QUESTIONS);
        assertThat(attempts.findById(stillOpen.getId()).orElseThrow().isSubmitted()).isFalse();
        assertThat(meters.counter(AttemptMetrics.SUBMISSIONS, "by", "deadline").count()).isPositive();
    }

    @Test
    void ofManyConcurrentSubmittersExactlyOneClaimsTheSubmission() throws Exception {
        long student = newStudent();
        Attempt attempt = service.start(QUIZ, student, "Ada Lovelace");
        service.save(attempt.getId(), student, ANSWERS);
        clock.advance(Duration.ofMinutes(31));

        int racers = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Boolean> racer = () -> {
                    go.await();
                    return service.submitAndGrade(attempt.getId(), SubmittedBy.DEADLINE);
                };
                results.add(pool.submit(racer));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(scores.findByAttemptId(attempt.getId())).hasSize(QUESTIONS);
    }
}
