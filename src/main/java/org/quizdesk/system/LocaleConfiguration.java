package org.quizdesk.system;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of the pages: the one chosen with the footer's switch ({@code ?lang=de}, kept in a cookie), else the
 * first of the browser's Accept-Language that Quizdesk speaks, else English. Staff pages have English texts only.
 */
@Configuration(proxyBeanMethods = false)
public class LocaleConfiguration implements WebMvcConfigurer {

    /** The languages with texts for the student pages; the first is the fallback. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);
    static final String COOKIE = "quizdesk-lang";
    static final String PARAMETER = "lang";

    private final MessageSource messages;

    LocaleConfiguration(MessageSource messages) {
        this.messages = messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(LocaleConfiguration::fromAcceptLanguage);
        return resolver;
    }

    /** The browser's most preferred language that Quizdesk has texts for (language only: de-AT reads German). */
    static Locale fromAcceptLanguage(HttpServletRequest request) {
        for (Locale wanted : Collections.list(request.getLocales())) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(wanted.getLanguage())) {
                    return supported;
                }
            }
        }
        return SUPPORTED.get(0);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                Locale asked = super.parseLocaleValue(value);
                return SUPPORTED.stream().filter(l -> asked != null && l.getLanguage().equals(asked.getLanguage())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no texts for " + value)); // ignored: the page stays as it was
            }
        };
        change.setParamName(PARAMETER);
        // the switch is a plain link (GET, nothing but a preference changes); other methods and the JSON API
        // (autosave, submit) never change the language, whatever their query says
        change.setHttpMethods("GET");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**", "/actuator/**");
        registry.addInterceptor(new FlashMessages(messages));
    }

    /**
     * A flash "message" or "error" given as a message key with its arguments (kept in the session until the next page,
     * so a key rather than a text) becomes its text in the language of the page that shows it.
     */
    record FlashMessages(MessageSource messages) implements HandlerInterceptor {

        @Override
        public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
            if (page == null) {
                return;
            }
            for (String name : List.of("message", "error")) {
                if (page.getModel().get(name) instanceof MessageSourceResolvable text) {
                    page.addObject(name, messages.getMessage(text, RequestContextUtils.getLocale(request)));
                }
            }
        }
    }
}
