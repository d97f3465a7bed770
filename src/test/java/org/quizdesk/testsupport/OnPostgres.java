package org.quizdesk.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test class against a real PostgreSQL instead of H2: a fresh database per Spring context on the
 * one embedded server of the test JVM. The usual twin of an H2 test is a subclass with this annotation:
 *
 * <pre>{@code
 * @OnPostgres
 * class PostgresAttemptPersistenceTest extends AttemptPersistenceTest {
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = PostgresDatabaseInitializer.class)
public @interface OnPostgres {
}
