package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.quizdesk.attempt.internal.AnswerStore;
import org.quizdesk.attempt.internal.AnswerStore.AnswerWrite;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
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
 * Saves sharing commits, against the real database: a writer held at its first commit lets saves queue behind it, so
 * each test knows which saves share the next commit; commits can be made to fail.
 */
// the same context as AttemptServiceTest
@SpringBootTest
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class SaveCommitsTest {

    static final String QUIZ = "cse493g1-au24-quiz2";

    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired AccountService accounts;
    @Autowired QuizSettingsRepository settings;
    @Autowired AnswerStore answerStore;
    @Autowired SavePlaces places;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired MutableClock clock;

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ExecutorService requests = Executors.newCachedThreadPool();
    ScriptedTransactions transactions;
    SaveCommits commits;

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
        writer(queue, Duration.ZERO, wait, failingCommits);
    }

    void writer(int queue, Duration gather, Duration wait, Integer... failingCommits) {
        transactions = new ScriptedTransactions(transactionManager, Set.of(failingCommits));
        commits = new SaveCommits(new SaveCommitProperties(queue, 200, gather, wait), new OverloadProperties(24, 48, 8, Duration.ofSeconds(2)),
                answerStore, places, new TransactionTemplate(transactions), new AttemptMetrics(registry));
        commits.start();
    }

    @Test
    void savesQueuedWhileACommitRunsShareTheNextAndAreAcknowledgedOnlyAfterIt() throws Exception {
        writer(100, Duration.ofSeconds(30));
        Attempt held = started();
        List<Attempt> class5 = List.of(started(), started(), started(), started(), started());
        Future<Integer> first = holdTheWriterWith(held);

        List<Future<Integer>> saves = new ArrayList<>();
        for (Attempt attempt : class5) {
            saves.add(queue(attempt, "{\"1.1\":true}"));
        }
        awaitQueued(5);
        Thread.sleep(100);
        assertThat(saves).as("nothing is acknowledged before its commit").noneMatch(Future::isDone);
        assertThat(class5).allSatisfy(attempt -> assertThat(reload(attempt).getSaveCount()).isZero());

        transactions.gate.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        for (Future<Integer> save : saves) {
            assertThat(save.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(class5).allSatisfy(attempt -> {
            assertThat(reload(attempt).getAnswers()).isEqualTo("{\"1.1\":true}");
            assertThat(reload(attempt).getSaveCount()).isEqualTo(1);
        });
        assertThat(transactions.committed).as("the held save's commit, then one for the five").containsExactly(1, 2);
        DistributionSummary perCommit = registry.get(AttemptMetrics.SAVES_PER_COMMIT).summary();
        assertThat(perCommit.max()).isEqualTo(5);
    }

    @Test
    void aCommitWaitsTheGatherTimeForSavesToJoinItsFirstOne() throws Exception {
        writer(100, Duration.ofSeconds(1), Duration.ofSeconds(30));
        transactions.gate.countDown();
        Attempt a = started();
        Attempt b = started();
        Attempt c = started();

        Future<Integer> saveA = queue(a, "{\"1.1\":true}");
        Thread.sleep(100);
        assertThat(saveA).as("not committed alone at once").isNotDone();
        Future<Integer> saveB = queue(b, "{\"1.1\":true}");
        Future<Integer> saveC = queue(c, "{\"1.1\":true}");

        for (Future<Integer> save : List.of(saveA, saveB, saveC)) {
            assertThat(save.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(transactions.committed).as("one commit for the three").containsExactly(1);
        assertThat(registry.get(AttemptMetrics.SAVES_PER_COMMIT).summary().max()).isEqualTo(3);
    }

    @Test
    void whenASharedCommitFailsEachSaveIsWrittenAloneAndOneWhoseOwnCommitFailsIsNotAcknowledged() throws Exception {
        // commit 2 is the shared one; 3, 4 and 5 are its saves written alone, and 4 fails too
        writer(100, Duration.ofSeconds(30), 2, 4);
        Attempt held = started();
        Attempt a = started();
        Attempt b = started();
        Attempt c = started();
        Future<Integer> first = holdTheWriterWith(held);
        Future<Integer> saveA = queue(a, "{\"1.1\":true}");
        awaitQueued(1);
        Future<Integer> saveB = queue(b, "{\"1.1\":true}");
        awaitQueued(2);
        Future<Integer> saveC = queue(c, "{\"1.1\":true}");
        awaitQueued(3);

        transactions.gate.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(saveA.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(saveC.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThatThrownBy(() -> saveB.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(TransactionSystemException.class);

        assertThat(reload(a).getAnswers()).isEqualTo("{\"1.1\":true}");
        assertThat(reload(c).getAnswers()).isEqualTo("{\"1.1\":true}");
        assertThat(reload(a).getSaveCount()).as("the failed shared commit stored nothing").isEqualTo(1);
        assertThat(reload(b).getAnswers()).isEqualTo("{}");
        assertThat(reload(b).getSaveCount()).isZero();
        assertThat(transactions.committed).containsExactly(1, 3, 5);
    }

    @Test
    void aSaveOfAnAttemptSubmittedWhileItWaitedIsRefusedAndTheRestOfItsCommitIsStored() throws Exception {
        writer(100, Duration.ofSeconds(30));
        Attempt held = started();
        Attempt a = started();
        Attempt b = started();
        Attempt c = started();
        Future<Integer> first = holdTheWriterWith(held);
        Future<Integer> saveA = queue(a, "{\"1.1\":true}");
        Future<Integer> saveB = queue(b, "{\"1.1\":true}");
        Future<Integer> saveC = queue(c, "{\"1.1\":true}");
        awaitQueued(3);
        attempts.submit(b.getId(), b.getAccountId(), null);

        transactions.gate.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(saveA.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(saveB.get(10, TimeUnit.SECONDS)).as("refused by the guard").isZero();
        assertThat(saveC.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(reload(b).getAnswers()).isEqualTo("{}");
        assertThat(reload(c).getAnswers()).isEqualTo("{\"1.1\":true}");
        assertThat(transactions.committed).as("A, B and C shared one commit").containsExactly(1, 2);
    }

    @Test
    void twoSavesOfOneAttemptInOneCommitAreWrittenInTheirOrderAndTheLaterWins() throws Exception {
        writer(100, Duration.ofSeconds(30));
        Attempt held = started();
        Attempt attempt = started();
        Future<Integer> first = holdTheWriterWith(held);
        Future<Integer> earlier = queue(attempt, "{\"1.1\":false}");
        awaitQueued(1);
        Future<Integer> later = queue(attempt, "{\"1.1\":true}");
        awaitQueued(2);

        transactions.gate.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(earlier.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(later.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(reload(attempt).getAnswers()).isEqualTo("{\"1.1\":true}");
        assertThat(reload(attempt).getSaveCount()).isEqualTo(2);
    }

    @Test
    void aFullQueueIsAnswered503AtOnceAndASaveWhoseCommitDoesNotComeInTimeIsNeverWritten() throws Exception {
        writer(1, Duration.ofMillis(300));
        Attempt held = started();
        Attempt waiting = started();
        Attempt turnedAway = started();
        Future<Integer> first = holdTheWriterWith(held);
        Future<Integer> late = queue(waiting, "{\"1.1\":true}");
        awaitQueued(1);

        long before = System.nanoTime();
        assertThatThrownBy(() -> commits.store(new SaveCommits.Save(write(turnedAway, "{\"1.1\":true}"), null), SaveCommits.Room.TURN_AWAY))
                .isInstanceOfSatisfying(AttemptRefused.class, refused -> {
                    assertThat(refused.why()).isEqualTo(AttemptRefused.Why.BUSY);
                    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(2));
                });
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("refused without waiting").isLessThan(Duration.ofMillis(250));
        assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(AttemptRefused.class);
        assertThatThrownBy(first::get).hasCauseInstanceOf(AttemptRefused.class);

        transactions.gate.countDown();
        waitUntil(() -> commits.waiting() == 0);
        commits.close();
        assertThat(reload(waiting).getSaveCount()).as("a save answered 503 before it was written is not written later").isZero();
        assertThat(reload(turnedAway).getSaveCount()).isZero();
        assertThat(registry.get(AttemptMetrics.SAVES).tag("outcome", "busy").counter().count()).isEqualTo(3);
    }

    @Test
    void aSubmissionsFinalAnswersWaitForRoomInAFullQueueInsteadOfBeingTurnedAway() throws Exception {
        writer(1, Duration.ofSeconds(30));
        Attempt held = started();
        Attempt queued = started();
        Attempt submitting = started();
        Future<Integer> first = holdTheWriterWith(held);
        Future<Integer> autosave = queue(queued, "{\"1.1\":true}");
        awaitQueued(1);
        Future<Integer> finalAnswers = requests.submit(() -> commits.store(new SaveCommits.Save(write(submitting, "{\"1.1\":true}"), null), SaveCommits.Room.WAIT));
        Thread.sleep(200);
        assertThat(finalAnswers.isDone()).as("waiting for room, not turned away").isFalse();

        transactions.gate.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(autosave.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(finalAnswers.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(reload(submitting).getAnswers()).isEqualTo("{\"1.1\":true}");
    }

    @Test
    void manyStudentsSavingAtOnceThroughTheAppAreAllStoredInTheirOrder() throws Exception {
        int students = 16;
        int savesEach = 10;
        List<Attempt> started = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            started.add(started());
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (Attempt attempt : started) {
            runs.add(requests.submit(() -> {
                go.await();
                int acknowledged = 0;
                for (int n = 1; n <= savesEach; n++) {
                    attempts.save(attempt.getId(), attempt.getAccountId(), "{\"3.1.4\": \"draft " + n + "\"}");
                    acknowledged++;
                }
                return acknowledged;
            }));
        }
        go.countDown();
        for (Future<Integer> run : runs) {
            assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(savesEach);
        }
        assertThat(started).allSatisfy(attempt -> {
            Attempt stored = reload(attempt);
            assertThat(stored.getAnswers()).isEqualTo("{\"3.1.4\":\"draft " + savesEach + "\"}");
            assertThat(stored.getSaveCount()).isEqualTo(savesEach);
        });
    }

    /** A save whose commit the writer holds until the test opens the gate; every later save queues behind it. */
    private Future<Integer> holdTheWriterWith(Attempt attempt) throws InterruptedException {
        Future<Integer> first = queue(attempt, "{\"1.1\":true}");
        assertThat(transactions.firstBegun.await(10, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    private Future<Integer> queue(Attempt attempt, String answers) {
        return requests.submit(() -> commits.store(new SaveCommits.Save(write(attempt, answers), null), SaveCommits.Room.TURN_AWAY));
    }

    private AnswerWrite write(Attempt attempt, String answers) {
        Instant now = clock.instant();
        return new AnswerWrite(attempt.getId(), attempt.getAccountId(), answers, 1, now, now);
    }

    private void awaitQueued(int saves) throws InterruptedException {
        waitUntil(() -> commits.waiting() == saves);
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(until);
            Thread.sleep(5);
        }
    }

    private Attempt started() {
        var student = accounts.create("c" + System.nanoTime(), "Commit Student", null, "AA", Role.STUDENT, "pw");
        return attempts.start(QUIZ, student.id(), "Commit Student");
    }

    private Attempt reload(Attempt attempt) {
        return attemptRepository.findById(attempt.getId()).orElseThrow();
    }
}
