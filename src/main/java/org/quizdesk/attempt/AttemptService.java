package org.quizdesk.attempt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.grading.AnswerSheet;
import org.quizdesk.quiz.QuizSettings;
import org.springframework.stereotype.Service;

/**
 * Taking a quiz, the student's side: start, save, submit, and reading one's own attempts. Each job is its own class
 * ({@link AttemptStarts}, {@link AnswerSaves}, {@link Submissions}, {@link ExpiryJob}, {@link StudentWindows}); this
 * is the one door to them, and every rule about time is checked against the server clock.
 */
@Service
public class AttemptService {

    private final AttemptStarts starts;
    private final AnswerSaves saves;
    private final Submissions submissions;
    private final ExpiryJob expiryJob;
    private final StudentWindows windows;
    private final WorkRules rules;
    private final QuizGrace grace;
    private final AttemptAnswers answers;
    private final AttemptRepository attempts;
    private final AccessChecks access;
    private final Clock clock;

    AttemptService(AttemptStarts starts, AnswerSaves saves, Submissions submissions, ExpiryJob expiryJob,
            StudentWindows windows, WorkRules rules, QuizGrace grace, AttemptAnswers answers, AttemptRepository attempts,
            AccessChecks access, Clock clock) {
        this.starts = starts;
        this.saves = saves;
        this.submissions = submissions;
        this.expiryJob = expiryJob;
        this.windows = windows;
        this.rules = rules;
        this.grace = grace;
        this.answers = answers;
        this.attempts = attempts;
        this.access = access;
        this.clock = clock;
    }

    public record SaveReceipt(Instant savedAt) {
    }

    /** The window a student may start in: the quiz's, unless an accommodation gives them their own. */
    public StudentWindow windowFor(QuizSettings settings, long accountId) {
        return windows.of(settings, accountId);
    }

    /** A student's windows on many quizzes at once (their quiz list), in one query. */
    public Map<String, StudentWindow> windowsFor(List<QuizSettings> quizzes, long accountId) {
        return windows.of(quizzes, accountId);
    }

    /**
     * A student's start from their browser: the honor code, the window, and the quiz's access rules (address ranges,
     * Safe Exam Browser, the access code). Returns the attempt already started if there is one.
     */
    public Attempt start(String quizId, long accountId, String signature, String accessCode, AccessRequest request) {
        return starts.start(quizId, accountId, signature, accessCode, request);
    }

    /** A save from the student's browser, within the autosave allowance and the access rules; see {@link AnswerSaves#autosave}. */
    public SaveReceipt autosave(long attemptId, long accountId, String answersJson, AccessRequest request) {
        return new SaveReceipt(saves.autosave(attemptId, accountId, answersJson, request));
    }

    /** A plain-form save from the student's browser, within the access rules. */
    public SaveReceipt save(long attemptId, long accountId, String answersJson, AccessRequest request) {
        return new SaveReceipt(saves.save(attemptId, accountId, answersJson, request));
    }

    /** A submission from the student's browser, within the access rules; idempotent. See {@link Submissions#submit}. */
    public Attempt submit(long attemptId, long accountId, String finalAnswersJson, AccessRequest request) {
        return submissions.submit(attemptId, accountId, finalAnswersJson, request);
    }

    /** Why a start from this request would be refused by the quiz's address ranges or SEB rule, if it would; nothing is recorded. */
    public Optional<AttemptRefused> placeProblem(QuizSettings quiz, AccessRequest request) {
        return access.placeProblem(quiz.getAccess(), request);
    }

    /** Starts the attempt from no request (tests, tools): a quiz with access rules refuses it. */
    public Attempt start(String quizId, long accountId, String signature) {
        return start(quizId, accountId, signature, null, AccessRequest.NONE);
    }

    /** A save from no request (tests, tools): a quiz with access rules refuses it. */
    public SaveReceipt autosave(long attemptId, long accountId, String answersJson) {
        return autosave(attemptId, accountId, answersJson, AccessRequest.NONE);
    }

    /** Stores the answers from no request (tests, tools): a quiz with access rules refuses it. */
    public SaveReceipt save(long attemptId, long accountId, String answersJson) {
        return save(attemptId, accountId, answersJson, AccessRequest.NONE);
    }

    /** Submits from no request (tests, tools), idempotent: a quiz with access rules refuses it. */
    public Attempt submit(long attemptId, long accountId, String finalAnswersJson) {
        return submit(attemptId, accountId, finalAnswersJson, AccessRequest.NONE);
    }

    /** Claims the submission and grades it; false if someone else submitted it first. */
    boolean submitAndGrade(long attemptId, SubmittedBy by) {
        return submissions.submitAndGrade(attemptId, by);
    }

    /** One turn of the scheduled expiry job, lock included. */
    public void runExpiryJob() {
        expiryJob.run();
    }

    /** Submits every attempt whose time (and grace) ran out. */
    public void submitExpiredAttempts() {
        expiryJob.submitExpiredAttempts();
    }

    /** Whether the attempt takes saves and a submission now: in its time and grace, or after an outage it ran out in. */
    public boolean takesWork(Attempt attempt) {
        return rules.takesWork(attempt, clock.instant());
    }

    /** The quiz's grace period (read at most every few seconds). */
    public Duration grace(String quizId) {
        return grace.of(quizId);
    }

    public AnswerSheet answers(Attempt attempt) {
        return answers.of(attempt);
    }

    public Optional<Attempt> find(long attemptId, long accountId) {
        return attempts.findByIdAndAccountId(attemptId, accountId);
    }

    public Optional<Attempt> find(String quizId, long accountId) {
        return attempts.findByQuizIdAndAccountId(quizId, accountId);
    }

    public List<Attempt> attemptsOf(long accountId) {
        return attempts.findByAccountId(accountId);
    }
}
