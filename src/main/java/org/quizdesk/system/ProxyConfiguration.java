package org.quizdesk.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Forwarded headers are read by {@link TrustedProxies} alone (Tomcat's own reading is off: server.forward-headers-strategy none). */
@Configuration(proxyBeanMethods = false)
class ProxyConfiguration {

    @Bean
    FilterRegistrationBean<TrustedProxies> trustedProxies(ProxyProperties properties) {
        FilterRegistrationBean<TrustedProxies> registration = new FilterRegistrationBean<>(new TrustedProxies(properties.trusted()));
        // before everything else, Spring Security's filters included, so every part sees the client's address
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
