package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.quizdesk.quiz.QuizMarkdown;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

// the same context as AttemptServiceTest
@SpringBootTest
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class CacheConfigurationTest {

    @Autowired CacheManager caches;
    @Autowired MeterRegistry meters;
    @Autowired QuizMarkdown markdown;

    @Test
    void everyCacheIsBoundedRecordsStatisticsAndHasItsHitAndMissMeters() {
        assertThat(caches.getCacheNames()).contains("attempt-facts", "quiz-grace", "quiz-access", "quiz-room",
                "student-versions", "quiz-sheets", "parsed-versions", "quiz-markdown", "session-values");
        for (String name : caches.getCacheNames()) {
            Cache<?, ?> cache = caffeine(name);
            assertThat(cache.policy().isRecordingStats()).as(name + " records statistics").isTrue();
            assertThat(cache.policy().eviction()).as(name + " has a maximum size").isPresent();
            assertThat(meters.find("cache.gets").tag("cache", name).tag("result", "hit").functionCounter())
                    .as(name + "'s hits in the metrics").isNotNull();
            assertThat(meters.find("cache.gets").tag("cache", name).tag("result", "miss").functionCounter())
                    .as(name + "'s misses in the metrics").isNotNull();
        }
    }

    @Test
    void aCacheNameNoFeatureRegisteredGetsNoCacheRatherThanAnUnboundedOne() {
        assertThat(caches.getCache("attempt-fact")).isNull();
        assertThat(caches.getCacheNames()).doesNotContain("attempt-fact");
    }

    @Test
    void aTextIsRenderedOnceAndThenServedFromTheMarkdownCache() {
        String text = "Only *once* " + System.nanoTime();
        long hits = caffeine("quiz-markdown").stats().hitCount();

        String first = markdown.html(text);

        assertThat(caffeine("quiz-markdown").asMap().get(text)).isEqualTo(first);
        assertThat(markdown.html(text)).as("the rendered text kept, not rendered again").isSameAs(first);
        // at least: a page rendered by another test's thread meanwhile may add its own hits
        assertThat(caffeine("quiz-markdown").stats().hitCount()).isGreaterThanOrEqualTo(hits + 1);
        double counted = meters.get("cache.gets").tag("cache", "quiz-markdown").tag("result", "hit").functionCounter().count();
        assertThat(counted).isGreaterThanOrEqualTo(hits + 1);
    }

    @SuppressWarnings("unchecked")
    private Cache<Object, Object> caffeine(String name) {
        return (Cache<Object, Object>) caches.getCache(name).getNativeCache();
    }
}
