package org.quizdesk.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at a fresh database of its own on the test JVM's one embedded PostgreSQL, ahead of
 * every other property source (so it beats the test profile's in-memory H2).
 */
public class PostgresDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-postgres", properties()));
        EmbeddedPostgresServer.closeBeforeStopping(context);
    }

    /** The datasource properties of a new, empty database. */
    public static Map<String, Object> properties() {
        return Map.of(
                "spring.datasource.url", EmbeddedPostgresServer.createDatabase(),
                "spring.datasource.username", EmbeddedPostgresServer.username(),
                "spring.datasource.password", EmbeddedPostgresServer.password(),
                // many contexts share one server; each needs only a few connections
                "spring.datasource.hikari.maximum-pool-size", "5");
    }
}
