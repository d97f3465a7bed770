package org.quizdesk.system;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;

/**
 * Repositories' {@code @Query} strings are introspected by Spring Data's regular-expression query enhancer instead
 * of its HQL parser. The parser (ANTLR) is slow while cold (spring-data-jpa#4326): it cost about a fifth of the
 * start-up's CPU here, only to find aliases and derive the one count query our queries need ({@code
 * AccountRepository.search}), which the simple enhancer derives as well. Hibernate still parses and validates every
 * query at start-up, so a broken query still stops the start.
 */
@Configuration(proxyBeanMethods = false)
class RepositoryQueryParsing {

    private static final QueryEnhancerSelector SIMPLE = declared -> QueryEnhancerFactories.fallback();

    /** Static: a post-processor must exist before the repositories it configures. */
    @Bean
    static BeanPostProcessor simpleQueryEnhancer() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JpaRepositoryFactoryBean<?, ?, ?> repository) {
                    repository.setQueryEnhancerSelectorSource(SIMPLE);
                }
                return bean;
            }
        };
    }
}
