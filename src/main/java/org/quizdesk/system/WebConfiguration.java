package org.quizdesk.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web layer's shared conventions: how points are written on pages, how choices are read from requests, and
 * error pages kept by nobody.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final PointsFormatter points;

    WebConfiguration(PointsFormatter points) {
        this.points = points;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatter(points);
        registry.addConverterFactory(new LenientEnums());
    }

    /**
     * An error page is never stored. The server renders it after what failed, with that answer's headers: a static
     * file's year-long public caching (a range past its end is a 416) would otherwise let a shared cache keep a page
     * with the signed-in person's name and CSRF token. Spring Security's no-store stays away once a header is set.
     */
    @Bean
    FilterRegistrationBean<Filter> errorPagesNotStored() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            ((HttpServletResponse) response).setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            chain.doFilter(request, response);
        });
        registration.setName("errorPagesNotStored");
        registration.setDispatcherTypes(DispatcherType.ERROR);
        return registration;
    }
}
