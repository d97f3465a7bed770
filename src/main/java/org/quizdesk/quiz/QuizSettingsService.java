package org.quizdesk.quiz;

import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's changes to a quiz's settings: the settings form as a whole, and the releases. The rules that belong to the
 * quiz (the window's order, solutions only with scores) are kept by its row; a refused change changes nothing.
 */
@Service
public class QuizSettingsService {

    private final QuizSettingsRepository settings;

    QuizSettingsService(QuizSettingsRepository settings) {
        this.settings = settings;
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

    /** Releasing solutions releases scores too: solutions without scores would show keys next to hidden scores. */
    @Transactional
    public QuizSettings release(String quizId, boolean scores, boolean solutions) {
        QuizSettingsRow row = row(quizId);
        row.release(scores, solutions);
        return QuizSettings.of(row);
    }

    private QuizSettingsRow row(String quizId) {
        return settings.findById(quizId).orElseThrow(() -> new QuizNotFound(quizId));
    }
}
