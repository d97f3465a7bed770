package org.quizdesk.system;

import java.util.List;
import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring's cache abstraction over Caffeine ({@code spring.cache.type: caffeine}, Boot's {@link CaffeineCacheManager}).
 * Each feature registers its own bounded caches with a {@link CacheManagerCustomizer} next to the code that uses them
 * ({@code attempt.AttemptCaches}, {@code quiz.QuizCaches}), each recording statistics so that {@code cache.gets},
 * {@code cache.puts} and {@code cache.evictions} in {@code /actuator/metrics} are real (a few counter increments per
 * access).
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

    /** Only the registered caches: a misspelt cache name fails instead of creating an unbounded cache. */
    @Bean
    CacheManagerCustomizer<CaffeineCacheManager> onlyRegisteredCaches() {
        return caches -> caches.setCacheNames(List.of());
    }
}
