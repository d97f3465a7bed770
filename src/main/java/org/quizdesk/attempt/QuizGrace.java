package org.quizdesk.attempt;

import java.time.Duration;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/** A quiz's grace period: its own, or the default. Cached for a few seconds, since every save needs it. */
@Component
class QuizGrace {

    private final QuizCatalog catalog;
    private final AttemptProperties properties;

    QuizGrace(QuizCatalog catalog, AttemptProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    @Cacheable(AttemptCaches.QUIZ_GRACE)
    public Duration of(String quizId) {
        return catalog.current(quizId).map(q -> q.settings().graceOr(properties.grace())).orElse(properties.grace());
    }
}
