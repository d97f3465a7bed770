package org.quizdesk.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.attempt.AccessRefusals;
import org.quizdesk.attempt.Accommodations;
import org.quizdesk.quiz.AccessChange;
import org.quizdesk.quiz.QuizSettings;
import org.quizdesk.quiz.QuizSettingsService;
import org.quizdesk.quiz.SettingsChange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Quiz settings kept in the database: publication, window, time limit, grace, releases and accommodations. */
@Service
class SettingsService {

    record AccommodationRow(Accommodations.Granted accommodation, Account student) {
    }

    /** A student who may still be answering: an attempt in progress, or a personal window not closed yet. */
    record StillWorking(String fullName, String netId, Instant until) {
    }

    /** A refused request with the student it came from. */
    record RefusalRow(AccessRefusals.Refusal refusal, Account student) {
    }

    /** A page of refusals, newest first. */
    record Refusals(List<RefusalRow> rows, int page, boolean hasNext) {
    }

    static final int REFUSALS_PER_PAGE = 50;

    private final QuizSettingsService settings;
    private final Accommodations accommodations;
    private final AccountService accounts;
    private final AccessRefusals refusals;

    SettingsService(QuizSettingsService settings, Accommodations accommodations, AccountService accounts,
            AccessRefusals refusals) {
        this.settings = settings;
        this.accommodations = accommodations;
        this.accounts = accounts;
        this.refusals = refusals;
    }

    public void changeAccess(String quizId, AccessChange change) {
        settings.changeAccess(quizId, change);
    }

    @Transactional(readOnly = true)
    public Refusals refusals(String quizId, int page) {
        AccessRefusals.RefusalPage found = refusals.page(quizId, page, REFUSALS_PER_PAGE);
        Map<Long, Account> students = accounts.findAll(found.refusals().stream().map(AccessRefusals.Refusal::accountId).distinct().toList());
        return new Refusals(found.refusals().stream().map(r -> new RefusalRow(r, students.get(r.accountId()))).toList(),
                found.page(), found.hasNext());
    }

    public QuizSettings settings(String quizId) {
        return settings.settings(quizId);
    }

    public void update(String quizId, boolean published, Instant opens, Instant closes, Integer timeLimitMinutes,
            Integer graceSeconds) {
        settings.change(quizId, new SettingsChange(published, opens, closes,
                timeLimitMinutes == null ? null : timeLimitMinutes * 60, graceSeconds));
    }

    public void release(String quizId, boolean scores, boolean solutions) {
        settings.release(quizId, scores, solutions);
    }

    /**
     * Who could still be answering at this instant, so that releasing solutions does not hand them the key: attempts
     * not submitted whose time (plus grace) has not run out, and students with a personal window still open who have
     * not submitted. Ordered by when they finish.
     */
    @Transactional(readOnly = true)
    public List<StillWorking> stillWorking(String quizId, Instant now) {
        Map<Long, Instant> until = accommodations.stillWorking(quizId, now);
        Map<Long, Account> students = accounts.findAll(until.keySet());
        return until.entrySet().stream()
                .map(e -> new StillWorking(students.get(e.getKey()).fullName(), students.get(e.getKey()).username(), e.getValue()))
                .sorted(Comparator.comparing(StillWorking::until, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(StillWorking::netId))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<AccommodationRow> accommodations(String quizId) {
        List<Accommodations.Granted> rows = accommodations.of(quizId);
        Map<Long, Account> students = accounts.findAll(rows.stream().map(Accommodations.Granted::accountId).toList());
        return rows.stream().map(a -> new AccommodationRow(a, students.get(a.accountId()))).toList();
    }

    @Transactional
    public void accommodate(String quizId, String netId, BigDecimal factor, int extraMinutes, Instant opens, Instant closes) {
        Account student = accounts.findByUsername(netId == null ? "" : netId.strip())
                .orElseThrow(() -> new IllegalArgumentException("There is no account with net id \u201c" + netId + "\u201d."));
        settings(quizId);
        accommodations.grant(quizId, student.id(), factor, extraMinutes, opens, closes);
    }

    @Transactional
    public void removeAccommodation(String quizId, long accountId) {
        accommodations.remove(quizId, accountId);
    }
}
