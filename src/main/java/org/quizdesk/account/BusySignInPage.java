package org.quizdesk.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.quizdesk.system.StaticFileLinks;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a browser's sign-in gets when every password check is taken (503): small and written without the template
 * engine, since under a sign-in storm it is sent more often than any other page. It says so in the person's language,
 * says when their turn in the line comes ({@link SignInLine}), and holds the sign-in form again, with the net id kept,
 * so trying again is typing the password and pressing Enter; its script holds a form sent before the turn until the
 * turn comes (without it, the server answers such a post with the same turn). The fixed texts are looked up once per
 * language.
 */
final class BusySignInPage {

    /** What the page holds in a language, and its static files' links (looked up with the texts, once). */
    private record Texts(String lang, String title, String atTurn, String netId, String password, String submit,
            String styleSheet, String script) {
    }

    private final MessageSource messages;
    private final StaticFileLinks staticFiles;
    private final Map<Locale, Texts> byLocale = new ConcurrentHashMap<>();

    BusySignInPage(MessageSource messages, StaticFileLinks staticFiles) {
        this.messages = messages;
        this.staticFiles = staticFiles;
    }

    /** The time until a turn in words ("40 seconds", "about 3 minutes"), for the page and the JSON answer. */
    static String turnIn(MessageSource messages, long seconds, Locale locale) {
        return seconds < 90 ? messages.getMessage("signin.turn.seconds", new Object[] {seconds}, locale)
                : messages.getMessage("signin.turn.minutes", new Object[] {(seconds + 59) / 60}, locale);
    }

    String html(HttpServletRequest request, Locale locale, long secondsToTurn) {
        Texts texts = byLocale.computeIfAbsent(locale, this::texts);
        String context = HtmlUtils.htmlEscape(request.getContextPath());
        String username = request.getParameter("username");
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        StringBuilder page = new StringBuilder(1800).append("<!DOCTYPE html><html lang=\"").append(texts.lang()).append("\"><head>")
                .append("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(texts.title()).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"").append(context).append(texts.styleSheet()).append("\"></head><body>")
                .append("<header class=\"site-header\"><div class=\"site-header__inner\"><a class=\"brand\" href=\"")
                .append(context).append("/\">Quizdesk</a></div></header>")
                .append("<main id=\"main\"><section class=\"narrow\"><h1>").append(texts.title()).append("</h1>")
                .append("<div class=\"flash flash--error\" role=\"alert\">")
                .append(text("signin.busy", locale, turnIn(messages, secondsToTurn, locale))).append("</div>")
                .append("<form action=\"").append(context).append("/signin\" method=\"post\" class=\"card stack\" id=\"signin-line\"")
                .append(" data-turn-in=\"").append(secondsToTurn).append("\" data-at-turn=\"").append(texts.atTurn()).append("\">");
        if (token != null) {
            page.append("<input type=\"hidden\" name=\"").append(HtmlUtils.htmlEscape(token.getParameterName()))
                    .append("\" value=\"").append(HtmlUtils.htmlEscape(token.getToken())).append("\">");
        }
        page.append("<div class=\"field\"><label for=\"username\">").append(texts.netId()).append("</label>")
                .append("<input id=\"username\" name=\"username\" type=\"text\" autocomplete=\"username\" autocapitalize=\"none\" ")
                .append("spellcheck=\"false\" required value=\"").append(HtmlUtils.htmlEscape(username == null ? "" : username)).append("\"></div>")
                .append("<div class=\"field\"><label for=\"password\">").append(texts.password()).append("</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required autofocus></div>")
                .append("<button type=\"submit\" class=\"button button--primary\">").append(texts.submit()).append("</button>")
                .append("</form></section></main>")
                .append("<script src=\"").append(context).append(texts.script()).append("\" defer></script></body></html>");
        return page.toString();
    }

    private Texts texts(Locale locale) {
        return new Texts(HtmlUtils.htmlEscape(locale.getLanguage().isEmpty() ? "en" : locale.getLanguage()),
                text("layout.title", locale, messages.getMessage("signin.title", null, locale)), text("signin.busy.atTurn", locale),
                text("signin.netId", locale), text("signin.password", locale), text("signin.submit", locale),
                staticFiles.of("/css/quizdesk.css"), staticFiles.of("/js/signin-line.js"));
    }

    /** The bundle's text, escaped for HTML (with its arguments). */
    private String text(String key, Locale locale, Object... arguments) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, locale));
    }
}
