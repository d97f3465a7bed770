package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.quizdesk.grading.AnswerSheet;
import org.quizdesk.grading.AnswerSheetJson;
import org.quizdesk.grading.Grader;
import org.quizdesk.grading.InvalidAnswersException;
import org.quizdesk.grading.QuizScore;
import org.quizdesk.quiz.CurrentQuiz;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.QuizSettings;
import org.quizdesk.system.Heartbeat;
import org.quizdesk.system.Outage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Starting, saving and submitting attempts; every rule about time is checked here against the server clock. */
@Service
public class AttemptService {

    private static final Logger log = LoggerFactory.getLogger(AttemptService.class);
    private static final int FACTS_CACHE_LIMIT = 100_000;
    /** How long a change of a quiz's grace period may take to reach saves. */
    private static final Duration GRACE_CACHE_TIME = Duration.ofSeconds(5);

    private final AttemptRepository attempts;
    private final QuestionScoreRepository scores;
    private final AccommodationRepository accommodations;
    private final QuizCatalog catalog;
    private final AttemptProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AttemptMetrics metrics;
    private final AnswerStore answerStore;
    private final AutosaveRate autosaveRate;
    private final Heartbeat heartbeat;
    private final Map<Long, AttemptFacts> factsById = new ConcurrentHashMap<>();
    private final Map<String, CachedGrace> graceByQuiz = new ConcurrentHashMap<>();

    AttemptService(AttemptRepository attempts, QuestionScoreRepository scores, AccommodationRepository accommodations,
            QuizCatalog catalog, AttemptProperties properties, TransactionTemplate transactions, Clock clock,
            AttemptMetrics metrics, AnswerStore answerStore, AutosaveRate autosaveRate, Heartbeat heartbeat) {
        this.answerStore = answerStore;
        this.autosaveRate = autosaveRate;
        this.heartbeat = heartbeat;
        this.attempts = attempts;
        this.scores = scores;
        this.accommodations = accommodations;
        this.catalog = catalog;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The window a student may start in: the quiz's, unless an accommodation gives them their own. */
    public StudentWindow windowFor(QuizSettings settings, long accountId) {
        return windowFor(settings, accommodations.findByQuizIdAndAccountId(settings.getId(), accountId));
    }

    /** A student's windows on many quizzes at once (their quiz list), in one query. */
    public Map<String, StudentWindow> windowsFor(List<QuizSettings> quizzes, long accountId) {
        Map<String, Accommodation> mine = accommodations.findByAccountId(accountId).stream()
                .collect(Collectors.toMap(Accommodation::getQuizId, Function.identity()));
        return quizzes.stream().collect(Collectors.toMap(QuizSettings::getId,
                quiz -> windowFor(quiz, Optional.ofNullable(mine.get(quiz.getId())))));
    }

    private static StudentWindow windowFor(QuizSettings settings, Optional<Accommodation> accommodation) {
        Instant opens = accommodation.map(Accommodation::getOpensAt).orElse(null);
        Instant closes = accommodation.map(Accommodation::getClosesAt).orElse(null);
        return new StudentWindow(
                settings.isPublished(),
                opens != null ? opens : settings.getOpensAt(),
                closes != null ? closes : settings.getClosesAt(),
                accommodation.map(Accommodation::getTimeFactor).orElse(BigDecimal.ONE),
                accommodation.map(Accommodation::getExtraMinutes).orElse(0));
    }

    /** Starts the attempt, or returns the one already started (a double click starts one attempt). */
    public Attempt start(String quizId, long accountId, String signature) {
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
        CurrentQuiz quiz = catalog.current(quizId)
                .orElseThrow(() -> AttemptRefused.noSuchQuiz(quizId));
        Instant now = clock.instant();
        StudentWindow window = windowFor(quiz.settings(), accountId);
        if (!window.isOpenAt(now)) {
            throw new AttemptRefused(AttemptRefused.Why.NOT_OPEN, "attempt.refused.notOpen", "This quiz is not open now.");
        }
        Duration limit = quiz.settings().timeLimitOr(quiz.quiz().timeLimit());
        Instant deadline = AttemptDeadline.of(now, limit, window.timeFactor(), window.extraMinutes(), window.closes());
        Attempt attempt = new Attempt(quizId, quiz.versionId(), accountId, signature.strip(), now, deadline);
        try {
            return transactions.execute(status -> attempts.saveAndFlush(attempt));
        } catch (DataIntegrityViolationException raced) {
            // another tab or request started it a moment ago
            return attempts.findByQuizIdAndAccountId(quizId, accountId).orElseThrow(() -> raced);
        }
    }

    /**
     * An autosave: a save, if the attempt has not saved too often in the last moment. The owner and the answers
     * are checked first, so neither another student's requests nor a refused body use up the allowance.
     */
    public SaveReceipt autosave(long attemptId, long accountId, String answersJson) {
        AttemptFacts facts = facts(attemptId, accountId);
        String canonical = canonicalAnswers(facts.versionId(), answersJson);
        autosaveRate.take(attemptId);
        return store(attemptId, accountId, facts, canonical);
    }

    /**
     * Stores the answers if the attempt still takes work. In the usual case this is the only statement: one
     * guarded single-row update (the attempt's owner and version are cached, the quiz's grace briefly).
     */
    public SaveReceipt save(long attemptId, long accountId, String answersJson) {
        AttemptFacts facts = facts(attemptId, accountId);
        return store(attemptId, accountId, facts, canonicalAnswers(facts.versionId(), answersJson));
    }

    private SaveReceipt store(long attemptId, long accountId, AttemptFacts facts, String canonical) {
        Instant now = clock.instant();
        Duration grace = grace(facts.quizId());
        Integer updated = transactions.execute(status ->
                answerStore.save(attemptId, accountId, canonical, now, now.minus(grace)));
        if (updated == null || updated == 0) {
            // the unusual case: time ran out or the attempt is submitted, unless the time ran out during an outage
            Attempt attempt = attempts.findById(attemptId).orElseThrow(AttemptRefused::notFound);
            Optional<Outage> outage = outageAllowing(attempt, now);
            if (outage.isEmpty() || answerStore.saveAfterOutage(attemptId, accountId, canonical, now, outage.get()) == 0) {
                metrics.saveRefused();
                throw refusalFor(attempts.findById(attemptId).orElseThrow(AttemptRefused::notFound));
            }
        }
        metrics.saved();
        return new SaveReceipt(now);
    }

    private AttemptFacts facts(long attemptId, long accountId) {
        AttemptFacts facts = factsById.get(attemptId);
        if (facts == null) {
            Attempt attempt = attempts.findById(attemptId).orElseThrow(AttemptRefused::notFound);
            facts = new AttemptFacts(attempt.getAccountId(), attempt.getVersionId(), attempt.getQuizId());
            if (factsById.size() >= FACTS_CACHE_LIMIT) {
                factsById.clear();
            }
            factsById.put(attemptId, facts);
        }
        if (facts.accountId() != accountId) {
            throw AttemptRefused.notFound();
        }
        return facts;
    }

    /**
     * Submits the attempt, with final answers if given. Idempotent: a second submit (another tab, a retry)
     * returns the submitted attempt. After the deadline and grace it is refused, and the attempt is submitted
     * from its last saved answers.
     */
    public Attempt submit(long attemptId, long accountId, String finalAnswersJson) {
        Attempt attempt = attempts.findByIdAndAccountId(attemptId, accountId).orElseThrow(AttemptRefused::notFound);
        if (attempt.isSubmitted()) {
            return attempt;
        }
        Instant now = clock.instant();
        if (!attempt.acceptsWorkAt(now, grace(attempt.getQuizId()))) {
            Optional<Outage> outage = outageAllowing(attempt, now);
            if (outage.isEmpty()) {
                submitAndGrade(attemptId, SubmittedBy.DEADLINE);
                throw refusalFor(attempt);
            }
            if (finalAnswersJson == null) {
                answerStore.markOutage(attemptId, outage.get());
            }
        }
        if (finalAnswersJson != null) {
            save(attemptId, accountId, finalAnswersJson);
        }
        submitAndGrade(attemptId, SubmittedBy.STUDENT);
        return attempts.findById(attemptId).orElseThrow();
    }

    /**
     * The scheduled turn of {@link #submitExpiredAttempts()}. With several nodes on one database the lock lets one
     * node at a time take the turn (the others skip it), so they do not all read the same attempts.
     */
    @Scheduled(fixedDelayString = "${quizdesk.attempts.expiry-check-interval:15s}",
            initialDelayString = "${quizdesk.attempts.expiry-check-interval:15s}")
    @SchedulerLock(name = "submit-expired-attempts")
    public void runExpiryJob() {
        submitExpiredAttempts();
    }

    /**
     * The server's side of the timer: submits every attempt whose time (and grace) ran out, even across restarts.
     * Each attempt's guarded claim makes its submission happen exactly once, however many callers run this at once.
     */
    public void submitExpiredAttempts() {
        metrics.timeExpiryRun(() -> {
            Instant now = clock.instant();
            Optional<Outage> outage = heartbeat.lastOutage();
            Map<String, Duration> graceByQuiz = new HashMap<>();
            // one query for the candidates, not one per attempt: a whole class may run out at the same second
            for (ExpiredAttempt expired : attempts.findExpired(now.minus(properties.grace()))) {
                // a quiz may have a longer grace than the default; honour it
                Duration grace = graceByQuiz.computeIfAbsent(expired.quizId(), this::grace);
                boolean awaitsFinalAnswers = outage.isPresent()
                        && expired.awaitsFinalAnswersAfter(outage.get(), now, grace, properties.outageWindow());
                if (!now.isBefore(expired.deadline().plus(grace)) && !awaitsFinalAnswers) {
                    submitAndGrade(expired.id(), SubmittedBy.DEADLINE);
                }
            }
        });
    }

    /** Claims the submission and stores the scores in one transaction; false if someone else submitted it first. */
    boolean submitAndGrade(long attemptId, SubmittedBy by) {
        Boolean claimed = transactions.execute(status -> {
            if (attempts.claimSubmission(attemptId, clock.instant(), by) == 0) {
                return false;
            }
            Attempt attempt = attempts.findById(attemptId).orElseThrow();
            metrics.timeGrading(() -> storeScores(attempt, grade(attempt)));
            return true;
        });
        if (Boolean.TRUE.equals(claimed)) {
            metrics.submitted(by);
            log.info("Attempt {} submitted by {}", attemptId, by);
        }
        return Boolean.TRUE.equals(claimed);
    }

    QuizScore grade(Attempt attempt) {
        Quiz quiz = catalog.version(attempt.getVersionId());
        try {
            return Grader.grade(quiz, AnswerSheetJson.read(quiz, attempt.getAnswers()));
        } catch (InvalidAnswersException e) {
            // stored answers were validated against this very version when saved
            throw new IllegalStateException("stored answers of attempt " + attempt.getId() + " do not read: " + e.getMessage(), e);
        }
    }

    private void storeScores(Attempt attempt, QuizScore score) {
        scores.saveAll(score.questions().stream()
                .map(q -> new QuestionScoreRecord(attempt.getId(), q))
                .toList());
        attempts.recordTotal(attempt.getId(), score.total(), score.max(), score.pending().size());
    }

    public AnswerSheet answers(Attempt attempt) {
        try {
            return AnswerSheetJson.read(catalog.version(attempt.getVersionId()), attempt.getAnswers());
        } catch (InvalidAnswersException e) {
            throw new IllegalStateException(e);
        }
    }

    private String canonicalAnswers(long versionId, String answersJson) {
        if (answersJson.length() > properties.maxAnswersBytes()) {
            throw AttemptRefused.tooLarge(properties.maxAnswersBytes());
        }
        try {
            return AnswerSheetJson.write(AnswerSheetJson.read(catalog.version(versionId), answersJson));
        } catch (InvalidAnswersException e) {
            throw new AttemptRefused(AttemptRefused.Why.INVALID_ANSWERS, e.getMessage());
        }
    }

    /** Whether the attempt takes saves and a submission now: in its time and grace, or after an outage it ran out in. */
    public boolean takesWork(Attempt attempt) {
        Instant now = clock.instant();
        return attempt.acceptsWorkAt(now, grace(attempt.getQuizId())) || outageAllowing(attempt, now).isPresent();
    }

    /**
     * The outage whose allowance the attempt has now, if any. Read from the heartbeat's memory: no query, and only
     * asked once the usual rule has refused.
     */
    private Optional<Outage> outageAllowing(Attempt attempt, Instant now) {
        Duration grace = grace(attempt.getQuizId());
        return heartbeat.lastOutage()
                .filter(outage -> attempt.takesFinalAnswersAfter(outage, now, grace, properties.outageWindow()));
    }

    private AttemptRefused refusalFor(Attempt attempt) {
        if (attempt.isSubmitted()) {
            return new AttemptRefused(AttemptRefused.Why.ALREADY_SUBMITTED, "attempt.refused.submitted",
                    "This attempt has been submitted; it takes no more changes.");
        }
        return new AttemptRefused(AttemptRefused.Why.TIME_UP, "attempt.refused.timeUp",
                "Time ran out at " + attempt.getDeadline() + "; your answers saved until then have been submitted.", attempt.getDeadline());
    }

    /** The quiz's grace period; read at most every few seconds, since every save needs it. */
    public Duration grace(String quizId) {
        Instant now = clock.instant();
        CachedGrace cached = graceByQuiz.get(quizId);
        if (cached == null || !now.isBefore(cached.readAt().plus(GRACE_CACHE_TIME)) || now.isBefore(cached.readAt())) {
            Duration grace = catalog.current(quizId).map(q -> q.settings().graceOr(properties.grace())).orElse(properties.grace());
            cached = new CachedGrace(grace, now);
            graceByQuiz.put(quizId, cached);
        }
        return cached.grace();
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

    public List<QuestionScoreRecord> scores(long attemptId) {
        return scores.findByAttemptId(attemptId);
    }

    public record SaveReceipt(Instant savedAt) {
    }

    /** What a save needs to know of an attempt; none of it changes after the start. */
    private record AttemptFacts(long accountId, long versionId, String quizId) {
    }

    private record CachedGrace(Duration grace, Instant readAt) {
    }
}
