package org.quizdesk.quiz;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's changes to a quiz's settings: the settings form as a whole, and the releases. The rules that belong to the
 * quiz (the window's order, solutions only with scores) are kept by its row; a refused change changes nothing.
 */
@Service
public class QuizSettingsService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final QuizSettingsRepository settings;
    private final ApplicationEventPublisher events;

    QuizSettingsService(QuizSettingsRepository settings, ApplicationEventPublisher events) {
        this.settings = settings;
        this.events = events;
    }

    /** @throws QuizNotFound when there is no such quiz */
    @Transactional(readOnly = true)
    public QuizSettings settings(String quizId) {
        return QuizSettings.of(row(quizId));
    }

    /** @throws QuizNotFound when there is no such quiz; IllegalArgumentException when the window closes before it opens */
    @Transactional
    public QuizSettings change(String quizId, SettingsChange change) {
        QuizSettingsRow row = row(quizId);
        row.change(change);
        return QuizSettings.of(row);
    }

    /** The access rules as a whole; a rotating code gets its secret the first time it is chosen. */
    @Transactional
    public QuizSettings changeAccess(String quizId, AccessChange change) {
        QuizSettingsRow row = row(quizId);
        row.changeAccess(change, QuizSettingsService::newSecret);
        return QuizSettings.of(row);
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /** Releasing solutions releases scores too: solutions without scores would show keys next to hidden scores. */
    @Transactional
    public QuizSettings release(String quizId, boolean scores, boolean solutions) {
        QuizSettingsRow row = row(quizId);
        boolean releasedBefore = row.isScoresReleased();
        row.release(scores, solutions);
        if (row.isScoresReleased() && !releasedBefore) {
            events.publishEvent(new ScoresReleased(quizId));
        }
        return QuizSettings.of(row);
    }

    private QuizSettingsRow row(String quizId) {
        return settings.findById(quizId).orElseThrow(() -> new QuizNotFound(quizId));
    }
}
