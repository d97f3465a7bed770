package org.quizdesk.quiz;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The quiz feature's caches, through Spring's cache abstraction over bounded Caffeine caches (set up in
 * {@code system.CacheConfiguration}); each records statistics for the {@code cache.*} metrics.
 */
@Configuration(proxyBeanMethods = false)
class QuizCaches {

    /**
     * Quizzes parsed from their stored source, by version id: a version's text never changes, and every page and save
     * needs its quiz. A version that falls out is parsed again from the database.
     */
    static final String PARSED_VERSIONS = "parsed-versions";
    /**
     * Quiz texts rendered from Markdown, by text. A parameterised quiz has texts per student, so the least used go
     * first rather than all at once.
     */
    static final String MARKDOWN = "quiz-markdown";

    @Bean
    CacheManagerCustomizer<CaffeineCacheManager> registerQuizCaches() {
        return caches -> {
            caches.registerCustomCache(PARSED_VERSIONS, Caffeine.newBuilder().recordStats().maximumSize(500).build());
            caches.registerCustomCache(MARKDOWN, Caffeine.newBuilder().recordStats().maximumSize(20_000).build());
        };
    }
}
