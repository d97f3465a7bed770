package org.quizdesk.system;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * HTTP sessions live in the database in every profile (Spring Session JDBC, tables from the Flyway migration V3):
 * a restart of the server, or a request landing on another node, does not sign anyone out. The repository the
 * session filter uses writes a session's last access time at most once a minute, so that an autosave stays one
 * small write instead of two.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession
class HttpSessionConfiguration {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        return repository -> repository.setDefaultMaxInactiveInterval(timeout);
    }

    @Bean
    @Primary
    FindByIndexNameSessionRepository<LastAccessThrottlingSessionRepository.ThrottledSession> sessions(
            JdbcIndexedSessionRepository jdbc) {
        return new LastAccessThrottlingSessionRepository<>(jdbc, Duration.ofMinutes(1));
    }
}
