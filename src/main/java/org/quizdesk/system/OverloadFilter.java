package org.quizdesk.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns work away at once, instead of queueing it, when a node already works on as many requests of a kind as it
 * is set to take: a queued autosave only gets slower for everyone, while a 503 with {@code Retry-After} lets the
 * page keep its answers and send them again a moment later. Autosaves, staff requests and other requests have
 * separate bounds, so a burst of one does not starve the others (five proctors' control rooms polling while a class
 * starts took the students' page places when they shared one); a submission is never turned away (it ends the
 * student's quiz).
 * It runs before sessions and security, so turning a request away costs no database query.
 */
@Component
class OverloadFilter extends OncePerRequestFilter implements Ordered {

    private static final Pattern AUTOSAVE = Pattern.compile("/api/attempts/[^/]+/answers");
    private static final Pattern SUBMIT = Pattern.compile("(/api)?/attempts/[^/]+/submit");
    private static final String BUSY_JSON = """
            {"error": "busy", "message": "The server is busy. Your answers stay on this page and are sent again in a moment."}""";
    private static final String BUSY_PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Busy</title></head>
            <body><main><h1>The server is busy</h1><p>Please try again in a few seconds.</p></main></body></html>""";

    private final Semaphore autosaves;
    private final Semaphore pages;
    private final Semaphore staffPages;
    private final String retryAfterSeconds;
    private final Counter autosavesTurnedAway;
    private final Counter pagesTurnedAway;
    private final Counter staffPagesTurnedAway;

    OverloadFilter(OverloadProperties properties, MeterRegistry registry) {
        this.autosaves = new Semaphore(properties.autosaves());
        this.pages = new Semaphore(properties.pages());
        this.staffPages = new Semaphore(properties.staffPages());
        // Retry-After takes whole seconds
        this.retryAfterSeconds = Long.toString(Math.max(1, (properties.retryAfter().toMillis() + 999) / 1000));
        this.autosavesTurnedAway = turnedAway(registry, "autosave");
        this.pagesTurnedAway = turnedAway(registry, "page");
        this.staffPagesTurnedAway = turnedAway(registry, "staff-page");
    }

    private static Counter turnedAway(MeterRegistry registry, String kind) {
        return Counter.builder("quizdesk.overload.turned-away").tag("kind", kind)
                .description("Requests answered 503 because the node was working on as many of their kind as it takes")
                .register(registry);
    }

    /** After the observation filter (a turned-away request still counts in the HTTP metrics), before all else. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Semaphore bound = boundOf(request.getMethod(), path);
        if (bound == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!bound.tryAcquire()) {
            (bound == autosaves ? autosavesTurnedAway : bound == staffPages ? staffPagesTurnedAway : pagesTurnedAway).increment();
            turnAway(response, path.startsWith("/api/"));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            bound.release();
        }
    }

    /** The bound a request counts against, or null for one never turned away. */
    private Semaphore boundOf(String method, String path) {
        if ("PUT".equals(method) && AUTOSAVE.matcher(path).matches()) {
            return autosaves;
        }
        if (neverTurnedAway(method, path)) {
            return null;
        }
        // by path alone (security has not run yet): a student asking for a staff page is refused there, cheaply
        boolean staff = path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/admin/");
        return staff ? staffPages : pages;
    }

    private static boolean neverTurnedAway(String method, String path) {
        return ("POST".equals(method) && SUBMIT.matcher(path).matches())
                || path.startsWith("/actuator/health")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || path.equals("/favicon.ico");
    }

    private void turnAway(HttpServletResponse response, boolean api) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(api ? MediaType.APPLICATION_JSON_VALUE : MediaType.TEXT_HTML_VALUE);
        response.getWriter().write(api ? BUSY_JSON : BUSY_PAGE);
    }
}
