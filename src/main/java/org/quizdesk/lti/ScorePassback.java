package org.quizdesk.lti;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.attempt.AttemptResult;
import org.quizdesk.attempt.AttemptResults;
import org.quizdesk.attempt.AttemptScoreChanged;
import org.quizdesk.lti.internal.AccountLinkRepository;
import org.quizdesk.lti.internal.LineItemRepository;
import org.quizdesk.lti.internal.LineItemRow;
import org.quizdesk.lti.internal.RosterMemberRepository;
import org.quizdesk.lti.internal.RosterMemberRow;
import org.quizdesk.lti.internal.ScoreOutboxRepository;
import org.quizdesk.lti.internal.ScoreOutboxRow;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.ScoresReleased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * AGS grade passback. Scores are queued in a table (the outbox) in the same transaction as the release or the changed
 * score, one row per line item and student, and sent by {@link ScorePassbackJob}: the newest total, read from the
 * attempt feature when it is sent, so a later override or regrade only makes the row due again. A failed post is
 * retried with doubling waits; after {@code quizdesk.lti.passback-tries} it stays failed until staff send it again.
 */
@Service
public class ScorePassback {

    private static final Logger log = LoggerFactory.getLogger(ScorePassback.class);
    private static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    private static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    private static final int BATCH = 50;

    private final LineItemRepository lineItems;
    private final ScoreOutboxRepository outbox;
    private final AccountLinkRepository links;
    private final RosterMemberRepository rosterMembers;
    private final AccountService accounts;
    private final PlatformRegistrations platforms;
    private final PlatformCalls calls;
    private final AttemptResults results;
    private final QuizCatalog catalog;
    private final LtiProperties properties;
    private final Clock clock;

    ScorePassback(LineItemRepository lineItems, ScoreOutboxRepository outbox, AccountLinkRepository links,
            RosterMemberRepository rosterMembers, AccountService accounts, PlatformRegistrations platforms, PlatformCalls calls,
            AttemptResults results, QuizCatalog catalog, LtiProperties properties, Clock clock) {
        this.lineItems = lineItems;
        this.outbox = outbox;
        this.links = links;
        this.rosterMembers = rosterMembers;
        this.accounts = accounts;
        this.platforms = platforms;
        this.calls = calls;
        this.results = results;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A resource-link launch to a quiz: its line item (when the platform grants the score scope) is remembered, and a
     * student who launches after the release gets their score queued.
     */
    @Transactional
    public void launched(Launch launch, String quizId, long accountId) {
        Map<String, Object> endpoint = Launches.map(launch.claims().get(AGS_ENDPOINT));
        String lineItemUrl = Launches.text(endpoint.get("lineitem"));
        Object scopes = endpoint.get("scope");
        if (lineItemUrl == null || !(scopes instanceof List<?> granted) || !granted.contains(PlatformCalls.SCORE_SCOPE)) {
            return;
        }
        String membershipsUrl = Launches.text(Launches.map(launch.claims().get(NRPS)).get("context_memberships_url"));
        String contextId = Launches.text(Launches.map(launch.claims().get(LtiClaims.CONTEXT)).get("id"));
        LineItemRow lineItem = lineItems.findByPlatformIdAndLineItemUrl(launch.platform().id(), lineItemUrl)
                .orElseGet(() -> lineItems.save(new LineItemRow(launch.platform().id(), quizId, lineItemUrl, contextId, clock.instant())));
        lineItem.relink(quizId, membershipsUrl);
        if (released(quizId) && results.ofStudents(quizId, List.of(accountId)).containsKey(accountId)) {
            queue(lineItem, accountId, launch.platform().issuer());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ScoresReleased released) {
        List<LineItemRow> linked = lineItems.findByQuizId(released.quizId());
        if (linked.isEmpty()) {
            return;
        }
        List<AttemptResult> submitted = results.submitted(released.quizId());
        for (LineItemRow lineItem : linked) {
            String issuer = issuerOf(lineItem);
            submitted.forEach(result -> queue(lineItem, result.attempt().accountId(), issuer));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(AttemptScoreChanged changed) {
        if (!released(changed.quizId())) {
            return; // the release sends it
        }
        for (LineItemRow lineItem : lineItems.findByQuizId(changed.quizId())) {
            queue(lineItem, changed.accountId(), issuerOf(lineItem));
        }
    }

    /** Staff's "send again": the row is due at once, its tries counted from zero. */
    @Transactional
    public boolean sendAgain(String quizId, long outboxId) {
        return outbox.findById(outboxId).filter(row -> lineItems.findById(row.getLineItemId())
                        .map(l -> l.getQuizId().equals(quizId)).orElse(false))
                .map(row -> {
                    row.due(clock.instant());
                    return true;
                }).orElse(false);
    }

    /**
     * Staff's "send all again" for a quiz: every row that is not sent, and, once released, the students who had no
     * platform user id at the release and have one now (imported from the platform's roster since).
     */
    @Transactional
    public int sendAllAgain(String quizId) {
        List<LineItemRow> linked = lineItems.findByQuizId(quizId);
        List<ScoreOutboxRow> rows = outbox.findByLineItemIdIn(linked.stream().map(LineItemRow::getId).toList());
        int count = 0;
        if (released(quizId)) {
            for (long accountId : unsendable(quizId, linked, rows)) {
                for (LineItemRow lineItem : linked) {
                    count += queue(lineItem, accountId, issuerOf(lineItem)) ? 1 : 0;
                }
            }
        }
        for (ScoreOutboxRow row : rows) {
            if (row.getStatus() != ScoreOutboxRow.Status.SENT) {
                row.due(clock.instant());
                count++;
            }
        }
        return count;
    }

    /** One student's passback for one line item, as the results' passback page shows it. */
    public record Status(long id, long accountId, String lineItemUrl, ScoreOutboxRow.Status status, int tries, Instant nextTryAt,
            String lastError, BigDecimal sentScore, Instant sentAt) {
    }

    @Transactional(readOnly = true)
    public List<Status> statuses(String quizId) {
        Map<Long, LineItemRow> linked = new LinkedHashMap<>();
        lineItems.findByQuizId(quizId).forEach(l -> linked.put(l.getId(), l));
        return outbox.findByLineItemIdIn(linked.keySet()).stream()
                .map(row -> new Status(row.getId(), row.getAccountId(), linked.get(row.getLineItemId()).getLineItemUrl(), row.getStatus(),
                        row.getTries(), row.getNextTryAt(), row.getLastError(), row.getSentScore(), row.getSentAt()))
                .toList();
    }

    /** Where a student's grade stands with the LMS, the state that needs staff most first. */
    public enum StudentState {
        /** gave up after the last try */
        FAILED,
        /** released and submitted, but the platform's user id is not known */
        CANNOT_SEND,
        PENDING,
        /** not sent while a question waits for a grader */
        WAITING,
        SENT
    }

    /**
     * One student's grade passback across the quiz's line items, as the results table shows it: the state that needs
     * staff most, and the outbox row "send again" restarts (null when there is none).
     */
    public record StudentPassback(StudentState state, Long outboxId) {

        private static StudentPassback needier(StudentPassback a, StudentPassback b) {
            return a.state().compareTo(b.state()) <= 0 ? a : b;
        }
    }

    /**
     * The passback of the given students of a linked quiz, for a page of the results table: one query for their rows;
     * a submitted student of a released quiz with no row for some line item cannot be sent. Empty when the quiz is not
     * linked to any gradebook column (the table then has no LMS column).
     */
    @Transactional(readOnly = true)
    public Optional<Map<Long, StudentPassback>> ofStudents(String quizId, Collection<Long> accountIds, Collection<Long> submitted) {
        List<LineItemRow> linked = lineItems.findByQuizId(quizId);
        if (linked.isEmpty()) {
            return Optional.empty();
        }
        if (accountIds.isEmpty()) {
            return Optional.of(Map.of());
        }
        Map<Long, StudentPassback> byStudent = new HashMap<>();
        Map<Long, Integer> rowsByStudent = new HashMap<>();
        for (ScoreOutboxRow row : outbox.findByLineItemIdInAndAccountIdIn(linked.stream().map(LineItemRow::getId).toList(),
                accountIds)) {
            rowsByStudent.merge(row.getAccountId(), 1, Integer::sum);
            StudentPassback found = new StudentPassback(StudentState.valueOf(row.getStatus().name()), row.getId());
            byStudent.merge(row.getAccountId(), found, StudentPassback::needier);
        }
        if (released(quizId)) {
            submitted.stream().filter(id -> rowsByStudent.getOrDefault(id, 0) < linked.size())
                    .forEach(id -> byStudent.merge(id, new StudentPassback(StudentState.CANNOT_SEND, null), StudentPassback::needier));
        }
        return Optional.of(byStudent);
    }

    /**
     * The students of a released quiz whose score cannot be sent to some linked gradebook: the platform's user id is not
     * known (they never launched from it, and its roster was not imported with them in it).
     */
    @Transactional(readOnly = true)
    public List<Long> unsendable(String quizId) {
        if (!released(quizId)) {
            return List.of();
        }
        List<LineItemRow> linked = lineItems.findByQuizId(quizId);
        return unsendable(quizId, linked, outbox.findByLineItemIdIn(linked.stream().map(LineItemRow::getId).toList()));
    }

    private List<Long> unsendable(String quizId, List<LineItemRow> linked, List<ScoreOutboxRow> rows) {
        if (linked.isEmpty()) {
            return List.of();
        }
        Set<String> queued = new HashSet<>();
        rows.forEach(row -> queued.add(row.getLineItemId() + " " + row.getAccountId()));
        return results.submitted(quizId).stream().map(result -> result.attempt().accountId()).distinct()
                .filter(accountId -> linked.stream().anyMatch(l -> !queued.contains(l.getId() + " " + accountId)))
                .toList();
    }

    private boolean released(String quizId) {
        return catalog.current(quizId).map(q -> q.settings().isScoresReleased()).orElse(false);
    }

    @Transactional(readOnly = true)
    public boolean linked(String quizId) {
        return !lineItems.findByQuizId(quizId).isEmpty();
    }

    /** The rows due now, each sent in its own transaction so that one platform's trouble holds back no other row. */
    List<Long> due() {
        return outbox.due(clock.instant(), PageRequest.of(0, BATCH)).stream().map(ScoreOutboxRow::getId).toList();
    }

    @Transactional
    public void send(long outboxId) {
        ScoreOutboxRow row = outbox.findById(outboxId).orElse(null);
        if (row == null || row.getStatus() != ScoreOutboxRow.Status.PENDING) {
            return;
        }
        Instant now = clock.instant();
        LineItemRow lineItem = lineItems.findById(row.getLineItemId()).orElseThrow();
        Optional<AttemptResult> result = Optional.ofNullable(results.ofStudents(lineItem.getQuizId(), List.of(row.getAccountId()))
                .get(row.getAccountId()));
        if (result.isEmpty() || result.get().attempt().total() == null || result.get().attempt().pendingCount() > 0) {
            row.waitForGrading();
            return;
        }
        var attempt = result.get().attempt();
        Platform platform = platforms.find(lineItem.getPlatformId()).orElseThrow();
        // the LMS user the links say now, not at the release: staff may have removed a wrong launch link since
        Optional<String> subject = subjectOf(platform.issuer(), row.getAccountId());
        if (subject.isEmpty()) {
            row.failed("no LMS user id for this student now (their launch link was removed); sent once they launch or "
                    + "the roster is pulled", now, retryAfter(row.getTries()), properties.passbackTries());
            return;
        }
        row.addressTo(subject.get());
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("userId", subject.get());
        score.put("scoreGiven", attempt.total());
        score.put("scoreMaximum", attempt.maxPoints());
        score.put("activityProgress", "Completed");
        score.put("gradingProgress", "FullyGraded");
        score.put("timestamp", now.toString());
        try {
            calls.postScore(platform, lineItem.getLineItemUrl(), score);
            row.sent(attempt.total(), now);
        } catch (PlatformCalls.PlatformCallFailed failed) {
            Duration wait = retryAfter(row.getTries());
            row.failed(failed.getMessage(), now, wait, properties.passbackTries());
            log.warn("Score of account {} to {} not sent (try {}): {}", row.getAccountId(), lineItem.getLineItemUrl(), row.getTries(),
                    failed.getMessage());
        }
    }

    /** {@code retry-first-after}, doubled with each failed try, at most {@code retry-at-most-after}. */
    Duration retryAfter(int failedTries) {
        Duration wait = properties.passbackRetryFirstAfter().multipliedBy(1L << Math.min(failedTries, 20));
        return wait.compareTo(properties.passbackRetryAtMostAfter()) > 0 ? properties.passbackRetryAtMostAfter() : wait;
    }

    /** @return false when the platform's user id of the student is not known: then nothing can be posted */
    private boolean queue(LineItemRow lineItem, long accountId, String issuer) {
        Optional<String> subject = subjectOf(issuer, accountId);
        if (subject.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        outbox.findByLineItemIdAndAccountId(lineItem.getId(), accountId)
                .ifPresentOrElse(row -> row.due(now), () -> outbox.save(new ScoreOutboxRow(lineItem.getId(), accountId, subject.get(), now)));
        return true;
    }

    /** The user id a launch linked to the account, else the one the platform's roster listed under its net id. */
    private Optional<String> subjectOf(String issuer, long accountId) {
        List<String> launched = links.subjects(issuer, accountId);
        if (!launched.isEmpty()) {
            return Optional.of(launched.get(0));
        }
        return accounts.find(accountId).map(Account::username)
                .flatMap(netId -> rosterMembers.findByIdIssuerAndNetIdOrderBySeenAtDesc(issuer, netId).stream().findFirst())
                .map(RosterMemberRow::getSubject);
    }

    private String issuerOf(LineItemRow lineItem) {
        return platforms.find(lineItem.getPlatformId()).map(Platform::issuer).orElse("");
    }
}
