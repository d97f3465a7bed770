package org.quizdesk.attempt;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The caches of the save path, through Spring's cache abstraction over bounded Caffeine caches (set up in
 * {@code system.CacheConfiguration}); each records statistics for the {@code cache.*} metrics.
 */
@Configuration(proxyBeanMethods = false)
class AttemptCaches {

    /** What a save needs to know of an attempt (owner, version, quiz); none of it changes while it takes saves. */
    static final String ATTEMPT_FACTS = "attempt-facts";
    /** Each quiz's grace period: every save needs it, and a change may take a few seconds to reach saves. */
    static final String QUIZ_GRACE = "quiz-grace";
    static final Duration GRACE_REFRESH = Duration.ofSeconds(5);
    /** Each quiz's access rules: every save checks them; a change reaches saves within the same few seconds. */
    static final String QUIZ_ACCESS = "quiz-access";
    /**
     * Each quiz's room (live stamp, pause, announcements): every student's page polls it, so a poll that finds
     * nothing new costs no query. The acting node evicts it at once; other nodes see an action within this time.
     */
    static final String QUIZ_ROOM = "quiz-room";
    static final Duration ROOM_REFRESH = Duration.ofSeconds(3);
    /**
     * Students' versions by (quiz version, seed): a save on a quiz with pools and a page view of a quiz with pools or
     * parameters need one. A version is a few kilobytes (it shares the file's questions); one per student of a large
     * class, and forgotten some hours after the quiz.
     */
    static final String STUDENT_VERSIONS = "student-versions";
    /** Each quiz version's sheet in the file's order, rendered to HTML: every page of the quiz starts from it. */
    static final String QUIZ_SHEETS = "quiz-sheets";

    @Bean
    CacheManagerCustomizer<CaffeineCacheManager> registerAttemptCaches() {
        return caches -> {
            caches.registerCustomCache(ATTEMPT_FACTS, Caffeine.newBuilder().recordStats().maximumSize(100_000).build());
            caches.registerCustomCache(QUIZ_GRACE, Caffeine.newBuilder().recordStats().maximumSize(10_000)
                    .expireAfterWrite(GRACE_REFRESH).build());
            caches.registerCustomCache(QUIZ_ACCESS, Caffeine.newBuilder().recordStats().maximumSize(10_000)
                    .expireAfterWrite(GRACE_REFRESH).build());
            caches.registerCustomCache(STUDENT_VERSIONS, Caffeine.newBuilder().recordStats().maximumSize(20_000)
                    .expireAfterAccess(Duration.ofHours(3)).build());
            caches.registerCustomCache(QUIZ_ROOM, Caffeine.newBuilder().recordStats().maximumSize(10_000)
                    .expireAfterWrite(ROOM_REFRESH).build());
            caches.registerCustomCache(QUIZ_SHEETS, Caffeine.newBuilder().recordStats().maximumSize(500).build());
        };
    }
}
