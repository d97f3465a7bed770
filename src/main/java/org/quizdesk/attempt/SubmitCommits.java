package org.quizdesk.attempt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.quizdesk.attempt.internal.EvidenceStore;
import org.quizdesk.attempt.internal.SubmissionStore;
import org.quizdesk.grading.AnswerSheetJson;
import org.quizdesk.grading.Grader;
import org.quizdesk.grading.InvalidAnswersException;
import org.quizdesk.grading.QuizScore;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.StudentVersion;
import org.quizdesk.system.OverloadProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claiming a submission and grading it in the same transaction, exactly once: the claim is a guarded update only one
 * caller (tab, retry, node, proctor or the deadline job) wins. Submissions that queue share commits
 * ({@link SharedCommits}): at a common deadline a whole class submits within a minute, and one commit each made the
 * submissions hold the connection pool through their own commits while every other request waited for it. The
 * writer claims, grades and stores the scores of what it took in one transaction, with the students' final answers
 * (so that a submission is one commit, not a save's and then its own); when that fails, each is done again in a commit
 * of its own. A submission is answered only after the commit that holds it. Their order does not
 * matter (of two claims of one attempt the first to commit wins), so there are several writers: grading is work for
 * the processor, and one thread among a burst's busy request threads got too small a share of it.
 */
@Component
class SubmitCommits extends SharedCommits<SubmitCommits.Claim, SubmitCommits.Outcome> {

    private static final Logger log = LoggerFactory.getLogger(SubmitCommits.class);

    /** A submission to claim, with the student's final answers (null: none), stored first in the same commit. */
    record Claim(long attemptId, SubmittedBy by, SaveCommits.Save finalAnswers) {

        Claim(long attemptId, SubmittedBy by) {
            this(attemptId, by, null);
        }

        /** A move to a new place updates the node's memory of places, which a failed shared commit would leave wrong. */
        boolean fromNewPlace() {
            return finalAnswers != null && finalAnswers.newPlace() != null;
        }
    }

    /**
     * What a claim's writer answers: whether this claim submitted the attempt (and graded it), or not, either because
     * someone else submitted it first or because its final answers were refused (the attempt took no more work:
     * submitted meanwhile, or out of time), and then not claimed.
     */
    record Outcome(boolean submitted, boolean answersRefused) {
    }

    /** Two nodes' commits lock rows in the same order, so they cannot deadlock. */
    private static final Comparator<Pending<Claim, Outcome>> BY_ATTEMPT =
            Comparator.comparingLong(pending -> pending.write().attemptId());

    private final SubmissionStore store;
    private final SaveCommits saves;
    private final EvidenceStore evidence;
    private final QuizCatalog catalog;
    private final AttemptMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SubmitCommits(SubmitCommitProperties properties, OverloadProperties overload, SubmissionStore store, SaveCommits saves,
            EvidenceStore evidence, QuizCatalog catalog, AttemptMetrics metrics,
            TransactionTemplate transactions, Clock clock) {
        // no gathering: four writers share the burst, and a submission's commit (its scores) is not a small one
        super("submit-commits", properties.writers(), properties.queue(), properties.batch(), Duration.ZERO, properties.commitWait(),
                overload.retryAfter(), metrics::submissionTurnedAway);
        this.store = store;
        this.saves = saves;
        this.evidence = evidence;
        this.catalog = catalog;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Claims and grades at once, in the caller's transaction if it has one (a proctor's action and its log entry). */
    Outcome claimNow(Claim claim) {
        Outcome outcome = transactions.execute(status -> claimAndGrade(List.of(claim)).get(0));
        announce(claim, outcome);
        return outcome;
    }

    @Override
    void write(List<Pending<Claim, Outcome>> taken) {
        List<Pending<Claim, Outcome>> live = taken.stream()
                .filter(pending -> !pending.gaveUp()) // its request gave up waiting and was answered 503
                .toList();
        live.stream().filter(pending -> pending.write().fromNewPlace()).forEach(this::commitAlone);
        List<Pending<Claim, Outcome>> ordered = live.stream()
                .filter(pending -> !pending.write().fromNewPlace())
                .sorted(BY_ATTEMPT)
                .toList();
        if (ordered.size() > 1) {
            List<Outcome> claimed;
            try {
                claimed = transactions.execute(status -> claimAndGrade(ordered.stream().map(Pending::write).toList()));
            } catch (RuntimeException failed) {
                log.warn("A commit of {} submissions failed ({}); doing each in a commit of its own", ordered.size(), failed.toString());
                ordered.forEach(this::commitAlone);
                return;
            }
            metrics.submissionsCommitted(ordered.size());
            for (int i = 0; i < ordered.size(); i++) {
                announce(ordered.get(i).write(), claimed.get(i));
                ordered.get(i).outcome().complete(claimed.get(i));
            }
            return;
        }
        ordered.forEach(this::commitAlone);
    }

    private void commitAlone(Pending<Claim, Outcome> pending) {
        try {
            Outcome claimed = claimNow(pending.write());
            metrics.submissionsCommitted(1);
            pending.outcome().complete(claimed);
        } catch (RuntimeException | Error failed) {
            pending.outcome().completeExceptionally(failed);
        }
    }

    /**
     * In the caller's transaction: stores each claim's final answers and claims it (in the given order; of two claims
     * of one attempt the first wins), then grades those claimed and stores their scores, with one read of the claimed
     * attempts.
     */
    private List<Outcome> claimAndGrade(List<Claim> claims) {
        Instant now = clock.instant();
        List<Outcome> outcomes = new ArrayList<>(claims.size());
        List<Long> claimedIds = new ArrayList<>();
        for (Claim claim : claims) {
            boolean refused = claim.finalAnswers() != null && saves.storeNow(claim.finalAnswers()) == 0;
            boolean claimed = !refused && store.claim(claim.attemptId(), now, claim.by()) == 1;
            if (claimed) {
                evidence.insert(claim.attemptId(), now, EvidenceKind.SUBMITTED.name(), claim.by().name());
                claimedIds.add(claim.attemptId());
            }
            outcomes.add(new Outcome(claimed, refused));
        }
        List<SubmissionStore.Score> scores = new ArrayList<>(claimedIds.size());
        for (SubmissionStore.ToGrade attempt : store.toGrade(claimedIds)) {
            metrics.timeGrading(() -> scores.add(new SubmissionStore.Score(attempt.attemptId(), grade(attempt))));
        }
        store.storeScores(scores);
        return outcomes;
    }

    private QuizScore grade(SubmissionStore.ToGrade attempt) {
        Quiz quiz = catalog.version(attempt.versionId());
        try {
            return Grader.grade(StudentVersion.of(quiz, attempt.versionSeed()), AnswerSheetJson.read(quiz, attempt.answers()));
        } catch (InvalidAnswersException e) {
            // stored answers were validated against this very version when saved
            throw new IllegalStateException("stored answers of attempt " + attempt.attemptId() + " do not read: " + e.getMessage(), e);
        }
    }

    private void announce(Claim claim, Outcome outcome) {
        if (outcome.submitted()) {
            metrics.submitted(claim.by());
            log.info("Attempt {} submitted by {}", claim.attemptId(), claim.by());
        }
    }
}
