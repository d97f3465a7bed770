package org.quizdesk.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quizdesk.system.StaticFileLinks;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a sign-in post answers. The browser form gets the redirects it always got; a client that asks for
 * {@code Accept: application/json} (the quiz page's sign-in dialog) gets a status and a small JSON body instead.
 */
final class SignInAnswers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TrustedDevices devices;
    /** The JSON messages in the page's language: the quiz page's dialog shows them as they are. */
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final BusySignInPage busyPage;

    SignInAnswers(TrustedDevices devices, MessageSource messages, LocaleResolver locales, StaticFileLinks staticFiles) {
        this.devices = devices;
        this.messages = messages;
        this.locales = locales;
        this.busyPage = new BusySignInPage(messages, staticFiles);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        // this browser's later sign-ins as this net id count against it alone (see SignInThrottle)
        devices.trust(request, response, authentication.getName());
        if (wantsJson(request)) {
            write(response, HttpStatus.OK, Map.of("signedIn", true, "username", authentication.getName()));
        } else {
            response.sendRedirect(request.getContextPath() + "/");
        }
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        boolean json = wantsJson(request);
        if (exception instanceof SignInRefused refused) {
            long seconds = refused.retryAfterSeconds();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            if (json) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", refused.busy() ? "busy" : "throttled");
                Locale locale = locales.resolveLocale(request);
                body.put("message", messages.getMessage("signin.refused." + refused.reason().name().toLowerCase(Locale.ROOT),
                        new Object[] {refused.busy() ? BusySignInPage.turnIn(messages, seconds, locale) : refused.retryAfterMinutes()},
                        locale));
                body.put("retryAfter", seconds);
                write(response, refused.busy() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.TOO_MANY_REQUESTS, body);
            } else if (refused.busy()) {
                // the page itself, with 503: a redirect would hide from the client that the server is the one saying "wait"
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(busyPage.html(request, locales.resolveLocale(request), seconds));
            } else {
                response.sendRedirect(request.getContextPath() + "/signin?locked=" + refused.reason().name().toLowerCase()
                        + "&minutes=" + refused.retryAfterMinutes());
            }
        } else if (exception instanceof StudentPasswordsOff) {
            // only reached with the right password, like a disabled account
            if (json) {
                write(response, HttpStatus.FORBIDDEN, Map.of("error", "university_sign_in", "message",
                        text(request, "signin.studentsUseUniversity")));
            } else {
                response.sendRedirect(request.getContextPath() + "/signin?university");
            }
        } else if (exception instanceof DisabledException) {
            // only reached with the right password (see ThrottledSignIn)
            if (json) {
                write(response, HttpStatus.FORBIDDEN, Map.of("error", "disabled", "message", text(request, "signin.disabled")));
            } else {
                response.sendRedirect(request.getContextPath() + "/signin?disabled");
            }
        } else if (json) {
            write(response, HttpStatus.UNAUTHORIZED, Map.of("error", "bad_credentials", "message", text(request, "signin.badCredentials")));
        } else {
            response.sendRedirect(request.getContextPath() + "/signin?error");
        }
    }

    private String text(HttpServletRequest request, String key, Object... args) {
        return messages.getMessage(key, args, locales.resolveLocale(request));
    }

    /** Only an explicit JSON type counts: browsers send {@code *}{@code /*} too, and must keep their redirects. */
    static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(type -> !type.isWildcardType() && !type.isWildcardSubtype()
                    && MediaType.APPLICATION_JSON.isCompatibleWith(type));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static void write(HttpServletResponse response, HttpStatus status, Map<String, ?> body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
