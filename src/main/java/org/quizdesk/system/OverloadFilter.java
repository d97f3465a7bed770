package org.quizdesk.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

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
    /** Where the busy page names the application's context path (filled in per request). */
    private static final String CONTEXT = "{context}";

    private final Semaphore autosaves;
    private final Semaphore pages;
    private final Semaphore staffPages;
    private final String retryAfterSeconds;
    private final LocaleResolver locales;
    private final MessageSource messages;
    private final StaticFileLinks staticFiles;
    /** The busy page's two forms per language (the resolver yields only languages with texts, so this stays small). */
    private final Map<Locale, BusyPages> busyPages = new ConcurrentHashMap<>();
    private final Counter autosavesTurnedAway;
    private final Counter pagesTurnedAway;
    private final Counter staffPagesTurnedAway;

    OverloadFilter(OverloadProperties properties, MeterRegistry registry, LocaleResolver locales, MessageSource messages,
            StaticFileLinks staticFiles) {
        this.locales = locales;
        this.messages = messages;
        this.staticFiles = staticFiles;
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
            turnAway(request, response, path.startsWith("/api/"));
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
                || StaticFileLinks.isStaticFile(path)
                || path.equals("/favicon.ico");
    }

    private void turnAway(HttpServletRequest request, HttpServletResponse response, boolean api) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(api ? MediaType.APPLICATION_JSON_VALUE : MediaType.TEXT_HTML_VALUE);
        if (api) {
            response.getWriter().write(BUSY_JSON);
            return;
        }
        BusyPages pages = busyPages.computeIfAbsent(locales.resolveLocale(request), this::busyPages);
        String page = "GET".equals(request.getMethod()) ? pages.tryingAgain() : pages.sendAgain();
        response.getWriter().write(page.replace(CONTEXT, HtmlUtils.htmlEscape(request.getContextPath())));
    }

    /**
     * The page a turned-away browser request gets, written without the template engine (it is the overloaded node's
     * cheapest answer). A page asked for with GET asks again by itself after {@code Retry-After}, so a student whose quiz
     * page was turned away sees it come a moment later without doing anything; after a form was sent, the person is
     * told to send it again (what they typed is still on the page they came from).
     */
    private record BusyPages(String tryingAgain, String sendAgain) {
    }

    private BusyPages busyPages(Locale locale) {
        String title = text("busy.title", locale);
        return new BusyPages(
                busyPage(locale, title, " data-retry-after=\"" + retryAfterSeconds + "\"",
                        "<p role=\"status\">" + text("busy.tryingAgain", locale) + "</p>"
                                + "<p><a class=\"button\" href=\"\">" + text("busy.tryNow", locale) + "</a></p>"
                                + "<script src=\"" + CONTEXT + staticFiles.of("/js/busy.js") + "\"></script>"),
                busyPage(locale, title, "", "<p role=\"alert\">" + text("busy.sendAgain", locale) + "</p>"));
    }

    private String busyPage(Locale locale, String title, String mainAttributes, String content) {
        return "<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(locale.getLanguage()) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + text("layout.title", locale, title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + CONTEXT + staticFiles.of("/css/quizdesk.css") + "\"></head><body>"
                + "<header class=\"site-header\"><div class=\"site-header__inner\"><span class=\"brand\">Quizdesk</span></div></header>"
                + "<main id=\"main\"" + mainAttributes + "><section class=\"narrow\"><h1>" + title + "</h1>" + content
                + "</section></main></body></html>";
    }

    /** The bundle's text, escaped for HTML (with its arguments). */
    private String text(String key, Locale locale, Object... arguments) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, locale));
    }
}
