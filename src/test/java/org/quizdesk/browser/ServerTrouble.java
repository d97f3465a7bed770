package org.quizdesk.browser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A test-only filter in front of everything (as a proxy or an overloaded server would be): it records the answers
 * API's requests and, when a test asks, answers the next few of them with an error and a {@code Retry-After}
 * instead of passing them on. Idle unless armed; {@link BrowserTest} disarms it after every test.
 */
public final class ServerTrouble extends OncePerRequestFilter {

    record Seen(String method, String path, Instant at, int status) {
    }

    private record Plan(String method, String pathEnd, int status, int retryAfterSeconds, AtomicInteger remaining) {
    }

    private final List<Plan> plans = new CopyOnWriteArrayList<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    /** The next {@code times} requests with this method whose path ends so get {@code status} and {@code Retry-After}. */
    void answer(String method, String pathEnd, int status, int retryAfterSeconds, int times) {
        plans.add(new Plan(method, pathEnd, status, retryAfterSeconds, new AtomicInteger(times)));
    }

    /** Every answers-API request with this method and path ending, in order, with what it was answered (0: passed on). */
    List<Seen> requests(String method, String pathEnd) {
        return seen.stream().filter(s -> s.method().equals(method) && s.path().endsWith(pathEnd)).toList();
    }

    void reset() {
        plans.clear();
        seen.clear();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/attempts/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        for (Plan plan : plans) {
            if (plan.method().equals(request.getMethod()) && path.endsWith(plan.pathEnd())
                    && plan.remaining().getAndDecrement() > 0) {
                seen.add(new Seen(request.getMethod(), path, Instant.now(), plan.status()));
                response.setStatus(plan.status());
                response.setHeader("Retry-After", String.valueOf(plan.retryAfterSeconds()));
                response.setContentType("text/html");
                response.getOutputStream().write("<html><body>Busy, try later</body></html>".getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        seen.add(new Seen(request.getMethod(), path, Instant.now(), 0));
        chain.doFilter(request, response);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        ServerTrouble serverTrouble() {
            return new ServerTrouble();
        }

        @Bean
        FilterRegistrationBean<ServerTrouble> serverTroubleRegistration(ServerTrouble trouble) {
            FilterRegistrationBean<ServerTrouble> registration = new FilterRegistrationBean<>(trouble);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
