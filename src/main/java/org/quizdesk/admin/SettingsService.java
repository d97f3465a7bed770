package org.quizdesk.admin;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.attempt.Accommodation;
import org.quizdesk.attempt.AccommodationRepository;
import org.quizdesk.attempt.Attempt;
import org.quizdesk.attempt.AttemptRepository;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.quiz.QuizSettings;
import org.quizdesk.quiz.QuizSettingsService;
import org.quizdesk.quiz.SettingsChange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Quiz settings kept in the database: publication, window, time limit, grace, releases and accommodations. */
@Service
class SettingsService {

    record AccommodationRow(Accommodation accommodation, Account student) {
    }

    /** A student who may still be answering: an attempt in progress, or a personal window not closed yet. */
    record StillWorking(String fullName, String netId, Instant until) {
    }

    private final QuizSettingsService settings;
    private final AccommodationRepository accommodations;
    private final AccountService accounts;
    private final AttemptRepository attempts;
    private final AttemptService attemptService;

    SettingsService(QuizSettingsService settings, AccommodationRepository accommodations, AccountService accounts,
            AttemptRepository attempts, AttemptService attemptService) {
        this.settings = settings;
        this.accommodations = accommodations;
        this.accounts = accounts;
        this.attempts = attempts;
        this.attemptService = attemptService;
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
        Duration grace = attemptService.grace(quizId);
        Map<Long, Attempt> byStudent = attempts.findByQuizId(quizId).stream()
                .collect(Collectors.toMap(Attempt::getAccountId, Function.identity()));
        Map<Long, Instant> until = new HashMap<>();
        byStudent.values().stream().filter(a -> a.acceptsWorkAt(now, grace))
                .forEach(a -> until.put(a.getAccountId(), a.getDeadline()));
        for (Accommodation accommodation : accommodations.findByQuizId(quizId)) {
            Attempt attempt = byStudent.get(accommodation.getAccountId());
            boolean windowOpen = accommodation.getClosesAt() != null ? now.isBefore(accommodation.getClosesAt())
                    : accommodation.getOpensAt() != null;
            if (windowOpen && attempt == null) {
                until.put(accommodation.getAccountId(), accommodation.getClosesAt());
            }
        }
        Map<Long, Account> students = accounts.findAll(until.keySet());
        return until.entrySet().stream()
                .map(e -> new StillWorking(students.get(e.getKey()).fullName(), students.get(e.getKey()).username(), e.getValue()))
                .sorted(Comparator.comparing(StillWorking::until, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(StillWorking::netId))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<AccommodationRow> accommodations(String quizId) {
        List<Accommodation> rows = accommodations.findByQuizId(quizId);
        Map<Long, Account> students = accounts.findAll(rows.stream().map(Accommodation::getAccountId).toList());
        return rows.stream().map(a -> new AccommodationRow(a, students.get(a.getAccountId()))).toList();
    }

    @Transactional
    public void accommodate(String quizId, String netId, BigDecimal factor, int extraMinutes, Instant opens, Instant closes) {
        Account student = accounts.findByUsername(netId == null ? "" : netId.strip())
                .orElseThrow(() -> new IllegalArgumentException("There is no account with net id \u201c" + netId + "\u201d."));
        settings(quizId);
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            throw new IllegalArgumentException("A personal window must close after it opens.");
        }
        Accommodation accommodation = accommodations.findByQuizIdAndAccountId(quizId, student.id())
                .orElseGet(() -> new Accommodation(quizId, student.id()));
        accommodation.setExtraTime(factor, extraMinutes);
        accommodation.setWindow(opens, closes);
        accommodations.save(accommodation);
    }

    @Transactional
    public void removeAccommodation(String quizId, long accountId) {
        accommodations.findByQuizIdAndAccountId(quizId, accountId).ifPresent(accommodations::delete);
    }
}
