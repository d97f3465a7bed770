package org.quizdesk.attempt;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.attempt.internal.EvidenceStore;
import org.quizdesk.quiz.CurrentQuiz;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.StudentVersion;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Starting an attempt: the honor code signed, the window open, the deadline fixed at that moment. */
@Component
class AttemptStarts {

    private final AttemptRepository attempts;
    private final QuizCatalog catalog;
    private final StudentWindows windows;
    private final AccessChecks access;
    private final EvidenceStore evidence;
    private final TransactionTemplate transactions;
    private final LiveRooms rooms;
    private final Clock clock;
    /** Draws each attempt's version seed. */
    private final SecureRandom random = new SecureRandom();

    AttemptStarts(AttemptRepository attempts, QuizCatalog catalog, StudentWindows windows, AccessChecks access,
            EvidenceStore evidence, TransactionTemplate transactions, LiveRooms rooms, Clock clock) {
        this.rooms = rooms;
        this.attempts = attempts;
        this.catalog = catalog;
        this.windows = windows;
        this.access = access;
        this.evidence = evidence;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Starts the attempt, or returns the one already started (a double click starts one attempt). The quiz's access
     * rules are checked against the request and the typed access code; without a request (null: staff tools and
     * tests) they are not.
     */
    Attempt start(String quizId, long accountId, String signature, String accessCode, AccessRequest request) {
        Optional<Attempt> existing = attempts.findByQuizIdAndAccountId(quizId, accountId);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (signature == null || signature.strip().length() < HonorCodeForm.MIN_SIGNATURE) {
            throw new AttemptRefused(AttemptRefused.Why.BAD_SIGNATURE, "attempt.refused.signature", "Type your full name to sign the honor code.");
        }
        if (signature.strip().length() > HonorCodeForm.MAX_SIGNATURE) {
            throw new AttemptRefused(AttemptRefused.Why.BAD_SIGNATURE, "attempt.refused.signatureTooLong",
                    "Your signature must be at most " + HonorCodeForm.MAX_SIGNATURE + " characters: type your full name.",
                    HonorCodeForm.MAX_SIGNATURE);
        }
        CurrentQuiz quiz = catalog.currentOrThrow(quizId);
        Instant now = clock.instant();
        StudentWindow window = windows.of(quiz.settings(), accountId);
        if (window.notYetOpenAt(now)) {
            // pressed before the opening: a clock running ahead, or a page without its script (start.js)
            throw new AttemptRefused(AttemptRefused.Why.NOT_OPEN, "attempt.refused.notOpenYet",
                    "This quiz has not opened yet: Start becomes available when it opens.");
        }
        if (!window.isOpenAt(now)) {
            throw new AttemptRefused(AttemptRefused.Why.NOT_OPEN, "attempt.refused.notOpen", "This quiz is not open now.");
        }
        if (rooms.of(quizId).paused()) {
            // a start during the pause would get its full time from now and the pause's length again at the resume
            throw new AttemptRefused(AttemptRefused.Why.PAUSED, "attempt.refused.paused",
                    "The proctor has paused this quiz. Wait until it goes on, then start.");
        }
        access.checkStart(quizId, quiz.settings().getAccess(), accountId, accessCode, request);
        Duration limit = quiz.settings().timeLimitOr(quiz.quiz().timeLimit());
        Instant deadline = AttemptDeadline.of(now, limit, window.timeFactor(), window.extraMinutes(), window.closes());
        long seed = StudentVersion.newSeed(random);
        Attempt attempt = new Attempt(quizId, quiz.versionId(), seed, accountId, signature.strip(), now, deadline);
        String browser = BrowserLabel.of(request.userAgent());
        attempt.startFrom(request.address(), browser, BrowserLabel.truncated(request.userAgent()));
        try {
            return transactions.execute(status -> {
                Attempt started = attempts.saveAndFlush(attempt);
                evidence.insert(started.getId(), now, EvidenceKind.STARTED.name(), AttemptEvidence.place(request.address(), browser));
                return started;
            });
        } catch (DataIntegrityViolationException raced) {
            // another tab or request started it a moment ago
            return attempts.findByQuizIdAndAccountId(quizId, accountId).orElseThrow(() -> raced);
        }
    }
}
