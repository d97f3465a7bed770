package org.quizdesk.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The language of the pages: the one chosen with the footer's switch ({@code ?lang=de}, kept in a cookie), else the
 * first of the browser's Accept-Language that Quizdesk speaks, else English. Staff pages are in English only.
 */
@Configuration(proxyBeanMethods = false)
public class LocaleConfiguration implements WebMvcConfigurer {

    /** The languages with texts for the student pages; the first is the fallback. */
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);
    static final String COOKIE = "quizdesk-lang";
    static final String PARAMETER = "lang";

    private final MessageSource messages;

    LocaleConfiguration(MessageSource messages) {
        this.messages = messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new StaffPagesInEnglish(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(LocaleConfiguration::fromAcceptLanguage);
        return resolver;
    }

    /**
     * The cookie's or the browser's language, if Quizdesk has texts for it (a cookie saying "fr" reads English); the
     * staff panel has English texts only, so its pages are English throughout (and say so in {@code <html lang>}).
     */
    static final class StaffPagesInEnglish extends CookieLocaleResolver {

        StaffPagesInEnglish(String cookieName) {
            super(cookieName);
        }

        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            return new SimpleLocaleContext(resolveLocale(request));
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return staffPage(request) ? SUPPORTED.get(0) : supported(super.resolveLocale(request));
        }

        private static boolean staffPage(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.equals("/admin") || path.startsWith("/admin/");
        }
    }

    /** The language Quizdesk has texts for that {@code wanted} names (language only: de-AT reads German), else English. */
    static Locale supported(Locale wanted) {
        return SUPPORTED.stream().filter(l -> wanted != null && l.getLanguage().equals(wanted.getLanguage())).findFirst()
                .orElse(SUPPORTED.get(0));
    }

    /** The browser's most preferred language that Quizdesk has texts for, else English. */
    static Locale fromAcceptLanguage(HttpServletRequest request) {
        return Collections.list(request.getLocales()).stream().filter(l -> supported(l).getLanguage().equals(l.getLanguage()))
                .findFirst().map(LocaleConfiguration::supported).orElse(SUPPORTED.get(0));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                Locale asked = super.parseLocaleValue(value);
                Locale supported = supported(asked);
                if (asked == null || !supported.getLanguage().equals(asked.getLanguage())) {
                    throw new IllegalArgumentException("no texts for " + value); // ignored: the language stays as it was
                }
                return supported;
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
