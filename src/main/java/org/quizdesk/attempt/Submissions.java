package org.quizdesk.attempt;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quizdesk.attempt.SubmitCommits.Claim;
import org.quizdesk.attempt.internal.AnswerStore;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.system.Outage;
import org.springframework.stereotype.Component;

/** Submitting an attempt exactly once, by whoever claims it first, and grading it in the same transaction ({@link SubmitCommits}). */
@Component
class Submissions {

    private final AttemptRepository attempts;
    private final AnswerStore answerStore;
    private final AnswerSaves saves;
    private final WorkRules rules;
    private final AccessChecks access;
    private final QuizGrace grace;
    private final SubmitCommits commits;
    private final Clock clock;

    Submissions(AttemptRepository attempts, AnswerStore answerStore, AnswerSaves saves, WorkRules rules, AccessChecks access,
            QuizGrace grace, SubmitCommits commits, Clock clock) {
        this.attempts = attempts;
        this.answerStore = answerStore;
        this.saves = saves;
        this.rules = rules;
        this.access = access;
        this.grace = grace;
        this.commits = commits;
        this.clock = clock;
    }

    /**
     * Submits the attempt, with final answers if given. Idempotent: a second submit (a retry whose first answer was
     * lost on the way, another tab) returns the submitted attempt, if it brings no final answers or the ones that
     * were submitted. Final answers that were not taken are refused (the server's deadline job, a proctor or another
     * tab submitted other answers first), so that the page never says answers were submitted that were not. After the
     * deadline and grace it is refused, and the attempt is submitted from its last saved answers. The quiz's access
     * rules are checked against the request.
     */
    Attempt submit(long attemptId, long accountId, String finalAnswersJson, AccessRequest request) {
        Attempt attempt = attempts.findByIdAndAccountId(attemptId, accountId).orElseThrow(AttemptRefused::notFound);
        if (attempt.isSubmitted()) {
            return submittedBefore(attempt, finalAnswersJson);
        }
        access.checkWork(attempt.getQuizId(), accountId, request);
        Instant now = clock.instant();
        if (!attempt.acceptsWorkAt(rules.quizTime(attempt.getQuizId(), now), grace.of(attempt.getQuizId()))) {
            Optional<Outage> outage = rules.outageAllowing(attempt, now);
            if (outage.isEmpty()) {
                submitAndGrade(attemptId, SubmittedBy.DEADLINE);
                throw WorkRules.refusalFor(attempt);
            }
            if (finalAnswersJson == null) {
                answerStore.markOutage(attemptId, outage.get());
            }
        }
        if (finalAnswersJson != null) {
            // the usual case: the final answers stored in the commit that claims the attempt
            SaveCommits.Save finalAnswers = saves.checked(attemptId, accountId, finalAnswersJson, request);
            SubmitCommits.Outcome outcome = commits.commit(new Claim(attemptId, SubmittedBy.STUDENT, finalAnswers), SharedCommits.Room.WAIT);
            if (!outcome.answersRefused()) {
                saves.stored(finalAnswers);
                return submitted(attemptId);
            }
            // refused: as a save of its own they are stored if the time ran out during an outage, or refused as the
            // attempt now says (another tab or the deadline job submitted it meanwhile, or the time is up)
            try {
                saves.save(attemptId, accountId, finalAnswersJson, request);
            } catch (AttemptRefused refused) {
                if (refused.why() != AttemptRefused.Why.ALREADY_SUBMITTED) {
                    throw refused;
                }
                // the same as a second submit
                return submittedBefore(attempts.findById(attemptId).orElseThrow(AttemptRefused::notFound), finalAnswersJson);
            }
        }
        commits.commit(new Claim(attemptId, SubmittedBy.STUDENT), SharedCommits.Room.WAIT);
        return submitted(attemptId);
    }

    /** The attempt as graded after the commit: this submission's, or theirs if another tab or the deadline job came first. */
    private Attempt submitted(long attemptId) {
        return attempts.findById(attemptId).orElseThrow();
    }

    /** A submit of an attempt already submitted: the attempt, if it brings no final answers or the ones submitted. */
    private Attempt submittedBefore(Attempt attempt, String finalAnswersJson) {
        if (finalAnswersJson == null || saves.areStored(attempt, finalAnswersJson)) {
            return attempt;
        }
        throw WorkRules.refusalFor(attempt);
    }

    /**
     * Claims the submission (a guarded update only one caller wins) and stores the scores in the same transaction,
     * the caller's if it has one; false if someone else submitted it first.
     */
    boolean submitAndGrade(long attemptId, SubmittedBy by) {
        return commits.claimNow(new Claim(attemptId, by)).submitted();
    }

    /**
     * {@link #submitAndGrade} for many attempts, in commits shared with the submissions queued beside them; returns
     * once all are done.
     *
     * @throws RuntimeException the first failure, after waiting for the rest (AttemptRefused BUSY if the queue stayed
     *     full or a commit did not come in time); those not done are left for the next caller
     */
    void submitAllAndGrade(List<Long> attemptIds, SubmittedBy by) {
        List<SharedCommits.Pending<Claim, SubmitCommits.Outcome>> queued = new ArrayList<>();
        for (long attemptId : attemptIds) {
            queued.add(commits.enqueue(new Claim(attemptId, by), SharedCommits.Room.WAIT));
        }
        RuntimeException failed = null;
        for (SharedCommits.Pending<Claim, SubmitCommits.Outcome> pending : queued) {
            try {
                commits.await(pending);
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
