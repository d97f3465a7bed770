package org.quizdesk.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quizdesk.attempt.AttemptCounts;
import org.quizdesk.attempt.AttemptResults;
import org.quizdesk.quiz.CurrentQuiz;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.QuizRubrics;
import org.quizdesk.quiz.QuizSettings;
import org.springframework.stereotype.Service;

/** Every quiz with its state and attempt counts, for the staff landing page (one query for all the counts). */
@Service
class QuizOverview {

    enum State { HIDDEN, NOT_OPEN_YET, OPEN, CLOSED }

    record Row(String id, String title, State state, QuizSettings settings, long attempts, long submitted,
            long needsGrading, long onOlderVersions, boolean hasManualQuestions) {

        public String stateLabel() {
            switch (state) {
                case HIDDEN: return "hidden from students";
                case NOT_OPEN_YET: return "not open yet";
                case OPEN: return "open";
                default: return "closed";
            }
        }

        /** Why students cannot start the quiz now, as the start of a sentence; null while it is open. */
        public String hiddenBecause() {
            switch (state) {
                case HIDDEN: return "Hidden from students: not published.";
                case NOT_OPEN_YET: return "Students cannot see it yet: its window opens at";
                case CLOSED: return "Students cannot start it: its window closed at";
                default: return null;
            }
        }

        /** The instant that completes {@link #hiddenBecause()}: when the window opens or closed; null otherwise. */
        public Instant hiddenUntilOrSince() {
            switch (state) {
                case NOT_OPEN_YET: return settings.getOpensAt();
                case CLOSED: return settings.getClosesAt();
                default: return null;
            }
        }
    }

    private final QuizCatalog catalog;
    private final AttemptResults attempts;

    QuizOverview(QuizCatalog catalog, AttemptResults attempts) {
        this.catalog = catalog;
        this.attempts = attempts;
    }

    List<Row> rows(Instant now) {
        Map<String, long[]> counts = new HashMap<>();
        List<CurrentQuiz> quizzes = catalog.all();
        Map<String, Long> currentVersion = new HashMap<>();
        quizzes.forEach(q -> currentVersion.put(q.id(), q.versionId()));
        for (AttemptCounts row : attempts.counts()) {
            long[] c = counts.computeIfAbsent(row.quizId(), k -> new long[4]);
            c[0] += row.attempts();
            c[1] += row.submitted();
            c[2] += row.needsGrading();
            if (!Long.valueOf(row.versionId()).equals(currentVersion.get(row.quizId()))) {
                c[3] += row.submitted();
            }
        }
        List<Row> rows = new ArrayList<>();
        for (CurrentQuiz quiz : quizzes) {
            long[] c = counts.getOrDefault(quiz.id(), new long[4]);
            rows.add(new Row(quiz.id(), quiz.quiz().title(), state(quiz.settings(), now), quiz.settings(), c[0], c[1], c[2], c[3],
                    quiz.quiz().questions().stream().anyMatch(QuizRubrics::handGraded)));
        }
        return rows;
    }

    static State state(QuizSettings settings, Instant now) {
        if (!settings.isPublished()) {
            return State.HIDDEN;
        }
        if (settings.getOpensAt() != null && now.isBefore(settings.getOpensAt())) {
            return State.NOT_OPEN_YET;
        }
        return settings.isOpenAt(now) ? State.OPEN : State.CLOSED;
    }
}
