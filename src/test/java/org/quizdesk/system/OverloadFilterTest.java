package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * What a browser is told when its request is turned away: in its language, a page asked for with GET comes again by
 * itself after Retry-After, a sent form is to be sent again; scripts get JSON; static files are never turned away.
 * (With no places at all, every request that counts against a bound is turned away.)
 */
class OverloadFilterTest {

    private final OverloadFilter filter;

    OverloadFilterTest() throws Exception {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        filter = new OverloadFilter(new OverloadProperties(0, 0, 0, Duration.ofSeconds(2)), new SimpleMeterRegistry(),
                new LocaleConfiguration(messages).localeResolver(), messages,
                // no Spring MVC here: links as written (StaticFileLinksTest shows them with their hashes)
                new StaticFileLinks(new DefaultListableBeanFactory().getBeanProvider(ResourceUrlProvider.class)));
    }

    @Test
    void aTurnedAwayPageComesAgainByItselfInTheReadersLanguage() throws Exception {
        MockHttpServletRequest request = request("GET", "/quizzes/q1");
        request.addPreferredLocale(Locale.GERMANY);
        MockHttpServletResponse response = turnedAway(request);

        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString())
                .contains("<html lang=\"de\">", "Der Server ist ausgelastet", "von selbst noch einmal")
                .contains("<main id=\"main\" data-retry-after=\"2\">", "<script src=\"/quiz&lt;desk/js/busy.js\">")
                .contains("href=\"/quiz&lt;desk/css/quizdesk.css\"");
    }

    @Test
    void aTurnedAwayFormIsToBeSentAgainAndIsNotResentByTheBrowser() throws Exception {
        MockHttpServletResponse response = turnedAway(request("POST", "/admin/quizzes/q1/settings"));

        assertThat(response.getContentAsString()).contains("<html lang=\"en\">", "send it again")
                .doesNotContain("data-retry-after", "busy.js");
    }

    @Test
    void scriptsGetJsonAndStaticFilesAreNeverTurnedAway() throws Exception {
        MockHttpServletResponse autosave = turnedAway(request("PUT", "/api/attempts/7/answers"));
        assertThat(autosave.getContentType()).startsWith("application/json");
        assertThat(autosave.getContentAsString()).contains("\"error\": \"busy\"");

        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse css = new MockHttpServletResponse();
        filter.doFilter(request("GET", "/css/quizdesk.css"), css, chain);
        assertThat(chain.getRequest()).isNotNull();
        assertThat(css.getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse turnedAway(MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(chain.getRequest()).as("the request went on").isNull();
        return response;
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/quiz<desk" + path);
        request.setContextPath("/quiz<desk");
        return request;
    }
}
