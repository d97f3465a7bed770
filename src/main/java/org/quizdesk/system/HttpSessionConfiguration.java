package org.quizdesk.system;

import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.util.EnumSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * HTTP sessions live in the database in every profile (Spring Session JDBC, tables from the Flyway migration V3):
 * a restart of the server, or a request landing on another node, does not sign anyone out. The repository the
 * session filter writes a session's last access time at most once in a 24th of the session timeout (10 minutes of
 * the 4 hours), so that an autosave stays one small write instead of two: a class of 10,000 saving every 5 seconds
 * would otherwise commit its sessions' touches 170 times a second. A session ends at most that share early.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession
class HttpSessionConfiguration {

    /** The share of the session timeout between two writes of a session's last access time. */
    static final int TOUCHES_PER_TIMEOUT = 24;

    private final Duration timeout;

    HttpSessionConfiguration(@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        this.timeout = timeout;
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout() {
        return repository -> repository.setDefaultMaxInactiveInterval(timeout);
    }

    /** Attributes written as Spring Session writes them; the security context and CSRF token read once per value. */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeReads(CacheManager caches) {
        return repository -> {
            GenericConversionService conversions = new GenericConversionService();
            conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
            conversions.addConverter(byte[].class, Object.class, new SessionAttributeReads(getClass().getClassLoader(),
                    caches.getCache(SessionAttributeReads.SESSION_VALUES)));
            repository.setConversionService(conversions);
        };
    }

    /** A security context and a CSRF token per signed-in session; one idle for an hour is read from its bytes again. */
    @Bean
    CacheManagerCustomizer<CaffeineCacheManager> registerSessionValuesCache() {
        return caches -> caches.registerCustomCache(SessionAttributeReads.SESSION_VALUES, Caffeine.newBuilder()
                .recordStats().maximumSize(50_000).expireAfterAccess(Duration.ofHours(1)).build());
    }

    @Bean
    @Primary
    LastAccessThrottlingSessionRepository<?> sessions(JdbcIndexedSessionRepository jdbc) {
        return new LastAccessThrottlingSessionRepository<>(jdbc, timeout.dividedBy(TOUCHES_PER_TIMEOUT));
    }

    /**
     * Around Spring Session's filter, on every kind of dispatch: the session the repository kept from this thread's
     * last save is forgotten when the dispatch ends, before the thread serves anyone else.
     */
    @Bean
    FilterRegistrationBean<Filter> forgetSavedSessions(LastAccessThrottlingSessionRepository<?> sessions) {
        Filter forget = (request, response, chain) -> {
            try {
                chain.doFilter(request, response);
            } finally {
                sessions.forgetSaved();
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(forget);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }
}
