package org.quizdesk.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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

    static final String COOKIE = "quizdesk-lang";
    static final String PARAMETER = "lang";

    private final MessageSource messages;
    private final Languages languages;

    LocaleConfiguration(MessageSource messages) throws IOException {
        this.messages = messages;
        this.languages = Languages.fromBundles();
    }

    /** The languages of the pages, for the footer's switch ({@code @languages} in templates). */
    @Bean
    Languages languages() {
        return languages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new StaffPagesInEnglish(COOKIE, languages);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> Collections.list(request.getLocales()).stream()
                .map(languages::find).flatMap(Optional::stream).findFirst().orElse(Languages.ENGLISH));
        return resolver;
    }

    /**
     * English (messages.properties) and every language with a messages_xx.properties: adding a language is adding
     * its file.
     */
    public record Languages(List<Locale> all) {

        static final Locale ENGLISH = Locale.ENGLISH;
        private static final Pattern BUNDLE = Pattern.compile("messages_([a-z]{2,3})\\.properties");

        static Languages fromBundles() throws IOException {
            Set<Locale> found = new LinkedHashSet<>(List.of(ENGLISH));
            for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:messages_*.properties")) {
                Matcher name = BUNDLE.matcher(String.valueOf(bundle.getFilename()));
                if (name.matches()) {
                    found.add(Locale.forLanguageTag(name.group(1)));
                }
            }
            return new Languages(List.copyOf(found));
        }

        /** The language with texts that {@code wanted} names (language only: de-AT reads German). */
        Optional<Locale> find(Locale wanted) {
            return all.stream().filter(l -> wanted != null && l.getLanguage().equals(wanted.getLanguage())).findFirst();
        }

        /** The languages to offer on a page in {@code current}. */
        public List<Locale> besides(Locale current) {
            return all.stream().filter(l -> !l.getLanguage().equals(current.getLanguage())).toList();
        }

        /** A language's name in itself, as the switch offers it to someone who reads it ("Deutsch"). */
        public String ownName(Locale language) {
            String name = language.getDisplayLanguage(language);
            return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(language) + name.substring(1);
        }
    }

    /**
     * The cookie's or the browser's language, if Quizdesk has texts for it (a cookie naming another reads English); the
     * staff panel has English texts only, so its pages are English throughout (and say so in {@code <html lang>}).
     */
    static final class StaffPagesInEnglish extends CookieLocaleResolver {

        private final Languages languages;

        StaffPagesInEnglish(String cookieName, Languages languages) {
            super(cookieName);
            this.languages = languages;
        }

        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            return new SimpleLocaleContext(resolveLocale(request));
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return staffPage(request) ? Languages.ENGLISH : languages.find(super.resolveLocale(request)).orElse(Languages.ENGLISH);
        }

        private static boolean staffPage(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.equals("/admin") || path.startsWith("/admin/");
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                // a language without texts is ignored (setIgnoreInvalidLocale): the page stays in the language it was
                return languages.find(super.parseLocaleValue(value))
                        .orElseThrow(() -> new IllegalArgumentException("no texts for " + value));
            }
        };
        change.setParamName(PARAMETER);
        // the switch is a plain link (GET, nothing but a preference changes); other methods and the JSON API
        // (autosave, submit) never change the language, whatever their query says
        change.setHttpMethods("GET");
        change.setIgnoreInvalidLocale(true);
        // nor do static files: a year-long public answer must not set a cookie (nor is there a page to flash on)
        registry.addInterceptor(change).excludePathPatterns("/api/**", "/actuator/**").excludePathPatterns(StaticFileLinks.FOLDER_PATTERNS);
        registry.addInterceptor(new FlashMessages(messages)).excludePathPatterns(StaticFileLinks.FOLDER_PATTERNS);
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
