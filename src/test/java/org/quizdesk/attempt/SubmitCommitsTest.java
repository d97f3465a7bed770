package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.SubmitCommits.Claim;
import org.quizdesk.attempt.internal.AnswerStore.AnswerWrite;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.attempt.internal.EvidenceStore;
import org.quizdesk.attempt.internal.QuestionScoreRepository;
import org.quizdesk.attempt.internal.SubmissionStore;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.quizdesk.system.OverloadProperties;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submissions sharing commits, against the real database: a writer held at its first commit lets submissions queue
 * behind it, so each test knows which share the next commit; commits can be made to fail.
 */
// the same context as AttemptServiceTest
@SpringBootTest
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class SubmitCommitsTest {

    static final String QUIZ = "cse493g1-au24-quiz2";
    /** 1.1 right (1 point of the seed quiz's 1.1), the rest unanswered */
    static final String ONE_RIGHT = "{\"1.1\":false}";

    @Autowired AttemptService attempts;
    @Autowired Submissions submissions;
    @Autowired AttemptRepository attemptRepository;
    @Autowired SubmissionStore submissionStore;
    @Autowired SaveCommits saveCommits;
    @Autowired QuestionScoreRepository scores;
    @Autowired EvidenceStore evidence;
    @Autowired QuizCatalog catalog;
    @Autowired AccountService accounts;
    @Autowired QuizSettingsRepository settings;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired MutableClock clock;

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ExecutorService requests = Executors.newCachedThreadPool();
    ScriptedTransactions transactions;
    SubmitCommits commits;

    @BeforeEach
    void openQuiz() {
        clock.set(MutableClockConfiguration.START);
        QuizSettingsRow quiz = settings.findById(QUIZ).orElseThrow();
        quiz.setPublished(true);
        quiz.setWindow(null, null);
        quiz.setTimeLimitSeconds(null);
        settings.save(quiz);
    }

    @AfterEach
    void stop() throws Exception {
        if (transactions != null) {
            transactions.gate.countDown();
        }
        if (commits != null) {
            commits.close();
        }
        requests.shutdownNow();
    }

    void writer(int queue, Duration wait, Integer... failingCommits) {
        transactions = new ScriptedTransactions(transactionManager, Set.of(failingCommits));
        commits = new SubmitCommits(new SubmitCommitProperties(queue, 1, 100, wait), new OverloadProperties(24, 48, 8, Duration.ofSeconds(2)),
                submissionStore, saveCommits, evidence, catalog, new AttemptMetrics(registry), new TransactionTemplate(transactions), clock);
        commits.start();
    }

    @Test
    void submissionsQueuedWhileACommitRunsShareTheNextAreGradedAndAnsweredOnlyAfterIt() throws Exception {
        writer(100, Duration.ofSeconds(30));
        Attempt held = answered();
        List<Attempt> class5 = List.of(answered(), answered(), answered(), answered(), answered());
        Future<SubmitCommits.Outcome> first = holdTheWriterWith(held);

        List<Future<SubmitCommits.Outcome>> submitted = new ArrayList<>();
        for (Attempt attempt : class5) {
            submitted.add(queue(attempt));
        }
        awaitQueued(5);
        Thread.sleep(100);
        assertThat(submitted).as("nothing is answered before its commit").noneMatch(Future::isDone);
        assertThat(class5).allSatisfy(attempt -> assertThat(reload(attempt).isSubmitted()).isFalse());

        transactions.gate.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).submitted()).isTrue();
        for (Future<SubmitCommits.Outcome> answer : submitted) {
            assertThat(answer.get(10, TimeUnit.SECONDS).submitted()).isTrue();
        }
        assertThat(class5).allSatisfy(attempt -> {
            Attempt stored = reload(attempt);
            assertThat(stored.getSubmittedBy()).isEqualTo(SubmittedBy.STUDENT);
            assertThat(stored.getTotal()).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(scores.findByAttemptId(attempt.getId())).as("a score row for each question").hasSize(10);
            assertThat(evidence.events(attempt.getId())).filteredOn(event -> event.kind().equals("SUBMITTED")).hasSize(1);
        });
        assertThat(transactions.committed).as("the held submission's commit, then one for the five").containsExactly(1, 2);
        assertThat(registry.get(AttemptMetrics.SUBMISSIONS_PER_COMMIT).summary().max()).isEqualTo(5);
        assertThat(registry.get(AttemptMetrics.SUBMISSIONS).tag("by", "student").counter().count()).isEqualTo(6);
    }

    @Test
    void whenASharedCommitFailsEachIsClaimedAloneAndOneWhoseOwnCommitFailsIsNotSubmitted() throws Exception {
        // commit 2 is the shared one; 3, 4 and 5 are its submissions done alone, and 4 fails too
        writer(100, Duration.ofSeconds(30), 2, 4);
        Attempt held = answered();
        Attempt a = answered();
        Attempt b = answered();
        Attempt c = answered();
        Future<SubmitCommits.Outcome> first = holdTheWriterWith(held);
        Future<SubmitCommits.Outcome> submitA = queue(a);
        Future<SubmitCommits.Outcome> submitB = queue(b);
        Future<SubmitCommits.Outcome> submitC = queue(c);
        awaitQueued(3);

        transactions.gate.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).submitted()).isTrue();
        assertThat(submitA.get(10, TimeUnit.SECONDS).submitted()).isTrue();
        assertThat(submitC.get(10, TimeUnit.SECONDS).submitted()).isTrue();
        assertThatThrownBy(() -> submitB.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(TransactionSystemException.class);

        assertThat(reload(a).isSubmitted()).isTrue();
        assertThat(scores.findByAttemptId(a.getId())).as("the failed shared commit stored nothing twice").hasSize(10);
        assertThat(reload(b).isSubmitted()).as("not answered, not submitted").isFalse();
        assertThat(scores.findByAttemptId(b.getId())).isEmpty();
        assertThat(evidence.events(b.getId())).noneMatch(event -> event.kind().equals("SUBMITTED"));
        assertThat(reload(c).getTotal()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(transactions.committed).containsExactly(1, 3, 5);
    }

    @Test
    void ofTwoClaimsOfOneAttemptInOneCommitTheFirstWinsAndTheAttemptIsGradedOnce() throws Exception {
        writer(100, Duration.ofSeconds(30));
        Attempt held = answered();
        Attempt attempt = answered();
        Future<SubmitCommits.Outcome> first = holdTheWriterWith(held);
        Future<SubmitCommits.Outcome> byStudent = queue(attempt);
        awaitQueued(1);
        Future<SubmitCommits.Outcome> byDeadline = requests.submit(() ->
                commits.commit(new Claim(attempt.getId(), SubmittedBy.DEADLINE), SharedCommits.Room.WAIT));
        awaitQueued(2);

        transactions.gate.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).submitted()).isTrue();
        assertThat(byStudent.get(10, TimeUnit.SECONDS).submitted()).isTrue();
        assertThat(byDeadline.get(10, TimeUnit.SECONDS).submitted()).as("someone else submitted it first").isFalse();
        assertThat(reload(attempt).getSubmittedBy()).isEqualTo(SubmittedBy.STUDENT);
        assertThat(scores.findByAttemptId(attempt.getId())).hasSize(10);
        assertThat(transactions.committed).containsExactly(1, 2);
    }

    @Test
    void finalAnswersAreStoredInTheCommitThatClaimsAndGradesTheSubmission() throws Exception {
        writer(100, Duration.ofSeconds(30));
        Attempt held = answered();
        Attempt a = answered();
        Attempt b = answered();
        Future<SubmitCommits.Outcome> first = holdTheWriterWith(held);
        // both had 1.1 right saved; their final answers leave it unanswered
        Future<SubmitCommits.Outcome> submitA = queue(a, finalAnswers(a, "{}", clock.instant()));
        Future<SubmitCommits.Outcome> submitB = queue(b, finalAnswers(b, "{}", clock.instant()));
        awaitQueued(2);

        transactions.gate.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).submitted()).isTrue();
        assertThat(submitA.get(10, TimeUnit.SECONDS).submitted()).isTrue();
        assertThat(submitB.get(10, TimeUnit.SECONDS).answersRefused()).isFalse();
        assertThat(List.of(a, b)).allSatisfy(attempt -> {
            Attempt stored = reload(attempt);
            assertThat(stored.getAnswers()).isEqualTo("{}");
            assertThat(stored.getTotal()).as("graded on the final answers").isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(stored.getSubmittedBy()).isEqualTo(SubmittedBy.STUDENT);
        });
        assertThat(transactions.committed).as("the answers, claims and scores of both in one commit").containsExactly(1, 2);
    }

    @Test
    void aClaimWhoseFinalAnswersAreRefusedIsNotClaimedAndTheOthersInItsCommitAre() throws Exception {
        writer(100, Duration.ofSeconds(30));
        Attempt held = answered();
        Attempt late = answered();
        Attempt onTime = answered();
        Future<SubmitCommits.Outcome> first = holdTheWriterWith(held);
        // the guarded update refuses answers unless the deadline is after the given moment: as when the time has run out
        Future<SubmitCommits.Outcome> submitLate = queue(late, finalAnswers(late, "{}", clock.instant().plus(Duration.ofDays(365))));
        Future<SubmitCommits.Outcome> submitOnTime = queue(onTime, finalAnswers(onTime, "{}", clock.instant()));
        awaitQueued(2);

        transactions.gate.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).submitted()).isTrue();
        SubmitCommits.Outcome refused = submitLate.get(10, TimeUnit.SECONDS);
        assertThat(refused.answersRefused()).isTrue();
        assertThat(refused.submitted()).isFalse();
        Attempt notClaimed = reload(late);
        assertThat(notClaimed.isSubmitted()).as("left to the deadline job, with its last saved answers").isFalse();
        assertThat(notClaimed.getAnswers()).isEqualTo(ONE_RIGHT);
        assertThat(submitOnTime.get(10, TimeUnit.SECONDS).submitted()).isTrue();
        assertThat(reload(onTime).getAnswers()).isEqualTo("{}");
        assertThat(transactions.committed).containsExactly(1, 2);
    }

    @Test
    void aSubmissionWaitsForRoomAndOneWhoseCommitDoesNotComeInTimeIsAnswered503AndNeverClaimed() throws Exception {
        writer(1, Duration.ofMillis(300));
        Attempt held = answered();
        Attempt waiting = answered();
        Attempt noRoom = answered();
        Future<SubmitCommits.Outcome> first = holdTheWriterWith(held);
        Future<SubmitCommits.Outcome> late = queue(waiting);
        awaitQueued(1);

        long before = System.nanoTime();
        assertThatThrownBy(() -> commits.commit(new Claim(noRoom.getId(), SubmittedBy.STUDENT), SharedCommits.Room.WAIT))
                .isInstanceOfSatisfying(AttemptRefused.class, refused -> {
                    assertThat(refused.why()).isEqualTo(AttemptRefused.Why.BUSY);
                    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(2));
                });
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("waited for room first").isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(AttemptRefused.class);
        assertThatThrownBy(first::get).hasCauseInstanceOf(AttemptRefused.class);

        transactions.gate.countDown();
        waitUntil(() -> commits.waiting() == 0);
        commits.close();
        assertThat(reload(waiting).isSubmitted()).as("a submission answered 503 before it was claimed is not claimed later").isFalse();
        assertThat(reload(noRoom).isSubmitted()).isFalse();
        assertThat(registry.get(AttemptMetrics.SUBMISSIONS + ".busy").counter().count()).isEqualTo(3);
    }

    @Test
    void aClassSubmittingAtOnceThroughTheAppIsAllSubmittedAndGradedOnce() throws Exception {
        List<Attempt> started = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            started.add(answered());
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Attempt>> runs = new ArrayList<>();
        for (Attempt attempt : started) {
            runs.add(requests.submit(() -> {
                go.await();
                return attempts.submit(attempt.getId(), attempt.getAccountId(), ONE_RIGHT);
            }));
            // a second tab of every third student submits too
            if (runs.size() % 3 == 0) {
                runs.add(requests.submit(() -> {
                    go.await();
                    return attempts.submit(attempt.getId(), attempt.getAccountId(), null);
                }));
            }
        }
        go.countDown();
        for (Future<Attempt> run : runs) {
            assertThat(run.get(60, TimeUnit.SECONDS).isSubmitted()).isTrue();
        }
        assertThat(started).allSatisfy(attempt -> {
            assertThat(reload(attempt).getTotal()).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(scores.findByAttemptId(attempt.getId())).hasSize(10);
            assertThat(evidence.events(attempt.getId())).filteredOn(event -> event.kind().equals("SUBMITTED")).hasSize(1);
        });
    }

    @Test
    void attemptsWhoseTimeRanOutAreSubmittedTogetherFromTheirLastSavedAnswers() {
        List<Attempt> started = List.of(answered(), answered(), answered());
        submissions.submitAllAndGrade(started.stream().map(Attempt::getId).toList(), SubmittedBy.DEADLINE);
        assertThat(started).allSatisfy(attempt -> {
            Attempt stored = reload(attempt);
            assertThat(stored.getSubmittedBy()).isEqualTo(SubmittedBy.DEADLINE);
            assertThat(stored.getTotal()).isEqualByComparingTo(BigDecimal.ONE);
        });
        submissions.submitAllAndGrade(started.stream().map(Attempt::getId).toList(), SubmittedBy.DEADLINE);
        assertThat(started).as("once").allSatisfy(attempt -> assertThat(scores.findByAttemptId(attempt.getId())).hasSize(10));
    }

    /** A submission whose commit the writer holds until the test opens the gate; every later one queues behind it. */
    private Future<SubmitCommits.Outcome> holdTheWriterWith(Attempt attempt) throws InterruptedException {
        Future<SubmitCommits.Outcome> first = queue(attempt);
        assertThat(transactions.firstBegun.await(10, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    private Future<SubmitCommits.Outcome> queue(Attempt attempt) {
        return queue(attempt, null);
    }

    private Future<SubmitCommits.Outcome> queue(Attempt attempt, SaveCommits.Save finalAnswers) {
        return requests.submit(() -> commits.commit(new Claim(attempt.getId(), SubmittedBy.STUDENT, finalAnswers), SharedCommits.Room.WAIT));
    }

    /** Final answers from the attempt's usual place, stored if its deadline is after {@code deadlineAfter}. */
    private SaveCommits.Save finalAnswers(Attempt attempt, String answers, Instant deadlineAfter) {
        return new SaveCommits.Save(new AnswerWrite(attempt.getId(), attempt.getAccountId(), answers, 0, clock.instant(), deadlineAfter), null);
    }

    private void awaitQueued(int submissions) throws InterruptedException {
        waitUntil(() -> commits.waiting() == submissions);
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(until);
            Thread.sleep(5);
        }
    }

    /** A started attempt with one right answer saved. */
    private Attempt answered() {
        var student = accounts.create("s" + System.nanoTime(), "Submit Student", null, "AA", Role.STUDENT, "pw");
        Attempt attempt = attempts.start(QUIZ, student.id(), "Submit Student");
        attempts.save(attempt.getId(), attempt.getAccountId(), ONE_RIGHT);
        return attempt;
    }

    private Attempt reload(Attempt attempt) {
        return attemptRepository.findById(attempt.getId()).orElseThrow();
    }
}
