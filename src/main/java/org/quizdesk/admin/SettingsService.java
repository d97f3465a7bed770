package org.quizdesk.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountRepository;
import org.quizdesk.attempt.Accommodation;
import org.quizdesk.attempt.AccommodationRepository;
import org.quizdesk.quiz.QuizSettings;
import org.quizdesk.quiz.QuizSettingsRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Quiz settings kept in the database: publication, window, time limit, grace, releases and accommodations. */
@Service
class SettingsService {

    record AccommodationRow(Accommodation accommodation, Account student) {
    }

    private final QuizSettingsRepository settings;
    private final AccommodationRepository accommodations;
    private final AccountRepository accounts;

    SettingsService(QuizSettingsRepository settings, AccommodationRepository accommodations, AccountRepository accounts) {
        this.settings = settings;
        this.accommodations = accommodations;
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public QuizSettings settings(String quizId) {
        return settings.findById(quizId).orElseThrow(() -> new IllegalArgumentException("There is no quiz \"" + quizId + "\"."));
    }

    @Transactional
    public void update(String quizId, boolean published, Instant opens, Instant closes, Integer timeLimitMinutes,
            Integer graceSeconds) {
        QuizSettings quiz = settings(quizId);
        QuizSettingsForm.apply(quiz, published, opens, closes, timeLimitMinutes, graceSeconds);
        settings.save(quiz);
    }

    @Transactional
    public void release(String quizId, boolean scores, boolean solutions) {
        QuizSettings quiz = settings(quizId);
        quiz.setScoresReleased(scores);
        // solutions without scores would show keys next to hidden scores; releasing solutions implies scores
        quiz.setSolutionsReleased(solutions && scores);
        settings.save(quiz);
    }

    @Transactional(readOnly = true)
    public List<AccommodationRow> accommodations(String quizId) {
        List<Accommodation> rows = accommodations.findByQuizId(quizId);
        Map<Long, Account> students = accounts.findAllById(rows.stream().map(Accommodation::getAccountId).toList()).stream()
                .collect(Collectors.toMap(Account::getId, Function.identity()));
        return rows.stream().map(a -> new AccommodationRow(a, students.get(a.getAccountId()))).toList();
    }

    @Transactional
    public void accommodate(String quizId, String netId, BigDecimal factor, int extraMinutes, Instant opens, Instant closes) {
        Account student = accounts.findByUsername(netId == null ? "" : netId.strip().toLowerCase())
                .orElseThrow(() -> new IllegalArgumentException("There is no account with net id \u201c" + netId + "\u201d."));
        settings(quizId);
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            throw new IllegalArgumentException("A personal window must close after it opens.");
        }
        Accommodation accommodation = accommodations.findByQuizIdAndAccountId(quizId, student.getId())
                .orElseGet(() -> new Accommodation(quizId, student.getId()));
        accommodation.setExtraTime(factor, extraMinutes);
        accommodation.setWindow(opens, closes);
        accommodations.save(accommodation);
    }

    @Transactional
    public void removeAccommodation(String quizId, long accountId) {
        accommodations.findByQuizIdAndAccountId(quizId, accountId).ifPresent(accommodations::delete);
    }
}
