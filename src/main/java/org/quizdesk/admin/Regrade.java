package org.quizdesk.admin;

import java.util.List;
import org.quizdesk.attempt.RegradePlan;
import org.quizdesk.attempt.Regrades;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.stereotype.Service;

/**
 * The regrade page's view: what changed between each older version and the current one ({@link QuizDiff}) next to
 * the attempt module's dry run, which also applies the regrade.
 */
@Service
class Regrade {

    record VersionDiff(long fromVersion, List<String> changes, long attempts) {
    }

    record Plan(String quizId, long toVersion, List<VersionDiff> versions, List<RegradePlan.AttemptChange> attempts) {
        public boolean empty() {
            return attempts.isEmpty();
        }

        public long changedTotals() {
            return attempts.stream().filter(RegradePlan.AttemptChange::changesTotal).count();
        }
    }

    private final Regrades regrades;
    private final QuizCatalog catalog;

    Regrade(Regrades regrades, QuizCatalog catalog) {
        this.regrades = regrades;
        this.catalog = catalog;
    }

    /** The dry run: nothing is written. */
    public Plan plan(String quizId) {
        return view(regrades.plan(quizId));
    }

    /** Applies exactly what {@link #plan} shows; returns the plan that was applied. */
    public Plan apply(String quizId, long by) {
        return view(regrades.apply(quizId, by));
    }

    private Plan view(RegradePlan plan) {
        var current = catalog.version(plan.toVersion());
        List<VersionDiff> versions = plan.attemptsByVersion().entrySet().stream()
                .map(e -> new VersionDiff(e.getKey(), QuizDiff.between(catalog.version(e.getKey()), current), e.getValue()))
                .toList();
        return new Plan(plan.quizId(), plan.toVersion(), versions, plan.attempts());
    }
}
