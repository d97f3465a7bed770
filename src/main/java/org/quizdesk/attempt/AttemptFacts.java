package org.quizdesk.attempt;

import org.quizdesk.attempt.internal.AttemptRepository;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/** What a save needs to know of an attempt; none of it changes while the attempt takes saves, so it is cached. */
record AttemptFacts(long accountId, long versionId, long versionSeed, String quizId) {

    @Component
    static class Lookup {

        private final AttemptRepository attempts;

        Lookup(AttemptRepository attempts) {
            this.attempts = attempts;
        }

        /** @throws AttemptRefused NOT_FOUND for an attempt that does not exist (not cached) */
        @Cacheable(AttemptCaches.ATTEMPT_FACTS)
        public AttemptFacts of(long attemptId) {
            return attempts.findById(attemptId)
                    .map(a -> new AttemptFacts(a.getAccountId(), a.getVersionId(), a.getVersionSeed(), a.getQuizId()))
                    .orElseThrow(AttemptRefused::notFound);
        }
    }
}
