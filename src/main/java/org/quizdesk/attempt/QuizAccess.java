package org.quizdesk.attempt;

import org.quizdesk.quiz.AccessRules;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/** A quiz's access rules for saves and submissions. Cached for a few seconds, since every save needs them. */
@Component
class QuizAccess {

    private final QuizCatalog catalog;

    QuizAccess(QuizCatalog catalog) {
        this.catalog = catalog;
    }

    @Cacheable(AttemptCaches.QUIZ_ACCESS)
    public AccessRules of(String quizId) {
        return catalog.current(quizId).map(q -> q.settings().getAccess()).orElse(AccessRules.NONE);
    }
}
