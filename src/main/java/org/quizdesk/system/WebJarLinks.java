package org.quizdesk.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Spring's link rewriting for static resources, applied to WebJars links only. Spring looks every link a page builds
 * ({@code @{…}}) up among the static resources, and a link that is no file (an attempt's address, a form's action) is
 * looked for on the whole class path again at every render: a third of the quiz page's time. Only the WebJars'
 * version-less links ({@code /webjars/katex/dist/katex.min.js}) are rewritten, as no content-version strategy is set;
 * one that is set later needs its folders here too. Registered under Boot's filter's type, which it replaces.
 */
@Configuration(proxyBeanMethods = false)
class WebJarLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> webJarLinksFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    static final class Filter extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // Spring's response wrapper rewrites what reaches it; this one, inside it, lets only WebJars links through
            super.doFilter(request, response, (innerRequest, innerResponse) -> chain.doFilter(innerRequest,
                    new OtherLinksAsWritten((HttpServletRequest) innerRequest, (HttpServletResponse) innerResponse)));
        }
    }

    private static final class OtherLinksAsWritten extends HttpServletResponseWrapper {

        private final String webJars;

        OtherLinksAsWritten(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.webJars = request.getContextPath() + "/webjars/";
        }

        @Override
        public String encodeURL(String url) {
            return url.startsWith(webJars) ? super.encodeURL(url) : url;
        }
    }
}
