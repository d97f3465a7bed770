package org.quizdesk.attempt;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.quizdesk.attempt.internal.AnswerStore;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.attempt.internal.EvidenceStore;
import org.quizdesk.attempt.internal.QuestionScoreRecord;
import org.quizdesk.attempt.internal.QuestionScoreRepository;
import org.quizdesk.grading.AnswerSheetJson;
import org.quizdesk.grading.Grader;
import org.quizdesk.grading.InvalidAnswersException;
import org.quizdesk.grading.QuizScore;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.StudentVersion;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.system.Outage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Submitting an attempt exactly once, by whoever claims it first, and grading it in the same transaction. */
@Component
class Submissions {

    private static final Logger log = LoggerFactory.getLogger(Submissions.class);

    private final AttemptRepository attempts;
    private final QuestionScoreRepository scores;
    private final AnswerStore answerStore;
    private final AnswerSaves saves;
    private final WorkRules rules;
    private final AccessChecks access;
    private final QuizGrace grace;
    private final QuizCatalog catalog;
    private final AttemptMetrics metrics;
    private final EvidenceStore evidence;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Submissions(AttemptRepository attempts, QuestionScoreRepository scores, AnswerStore answerStore, AnswerSaves saves,
            WorkRules rules, AccessChecks access, QuizGrace grace, QuizCatalog catalog, AttemptMetrics metrics, EvidenceStore evidence,
            TransactionTemplate transactions, Clock clock) {
        this.attempts = attempts;
        this.scores = scores;
        this.answerStore = answerStore;
        this.saves = saves;
        this.rules = rules;
        this.access = access;
        this.grace = grace;
        this.catalog = catalog;
        this.metrics = metrics;
        this.evidence = evidence;
        this.transactions = transactions;
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
            if (finalAnswersJson == null || saves.areStored(attempt, finalAnswersJson)) {
                return attempt;
            }
            throw WorkRules.refusalFor(attempt);
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
            saves.save(attemptId, accountId, finalAnswersJson, request);
        }
        // the attempt as graded, without reading it again; if another tab or the deadline job came first, theirs
        return claimAndGrade(attemptId, SubmittedBy.STUDENT).orElseGet(() -> attempts.findById(attemptId).orElseThrow());
    }

    /**
     * Claims the submission (a guarded update only one caller wins) and stores the scores in the same transaction;
     * false if someone else submitted it first.
     */
    boolean submitAndGrade(long attemptId, SubmittedBy by) {
        return claimAndGrade(attemptId, by).isPresent();
    }

    /** {@link #submitAndGrade}, giving the attempt as submitted and graded; empty if someone else submitted it first. */
    private Optional<Attempt> claimAndGrade(long attemptId, SubmittedBy by) {
        Optional<Attempt> claimed = transactions.execute(status -> {
            Instant now = clock.instant();
            if (attempts.claimSubmission(attemptId, now, by) == 0) {
                return Optional.<Attempt>empty();
            }
            evidence.insert(attemptId, now, EvidenceKind.SUBMITTED.name(), by.name());
            Attempt attempt = attempts.findById(attemptId).orElseThrow();
            metrics.timeGrading(() -> storeScores(attempt, grade(attempt)));
            return Optional.of(attempt);
        });
        if (claimed != null && claimed.isPresent()) {
            metrics.submitted(by);
            log.info("Attempt {} submitted by {}", attemptId, by);
            return claimed;
        }
        return Optional.empty();
    }

    private QuizScore grade(Attempt attempt) {
        Quiz quiz = catalog.version(attempt.getVersionId());
        try {
            return Grader.grade(StudentVersion.of(quiz, attempt.getVersionSeed()), AnswerSheetJson.read(quiz, attempt.getAnswers()));
        } catch (InvalidAnswersException e) {
            // stored answers were validated against this very version when saved
            throw new IllegalStateException("stored answers of attempt " + attempt.getId() + " do not read: " + e.getMessage(), e);
        }
    }

    private void storeScores(Attempt attempt, QuizScore score) {
        scores.saveAll(score.questions().stream()
                .map(q -> new QuestionScoreRecord(attempt.getId(), q))
                .toList());
        attempt.recordTotal(score);
        attempts.save(attempt);
    }
}
