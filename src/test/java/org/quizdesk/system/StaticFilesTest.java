package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.resource.CachingResourceResolver;
import org.springframework.web.servlet.resource.CachingResourceTransformer;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The style sheet and scripts, served from memory, are the files themselves, with their types and times; under the
 * addresses that name their content, as the WebJars' files under their versions, browsers keep them for a year; under
 * plain ones they ask each time whether the file changed.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class StaticFilesTest {

    @Autowired MockMvc mvc;
    @Autowired StaticFileLinks links;
    @Autowired @Qualifier("resourceHandlerMapping") HandlerMapping resources;

    @Test
    void theAppsFoldersAreServedThroughACachingChain() {
        for (String pattern : List.of("/css/**", "/js/**")) {
            Object handler = ((SimpleUrlHandlerMapping) resources).getUrlMap().get(pattern);
            assertThat(handler).as(pattern).isInstanceOf(ResourceHttpRequestHandler.class);
            ResourceHttpRequestHandler files = (ResourceHttpRequestHandler) handler;
            assertThat(files.getResourceResolvers().get(0)).isInstanceOf(CachingResourceResolver.class);
            assertThat(files.getResourceTransformers().get(0)).as("the read copies are kept").isInstanceOf(CachingResourceTransformer.class);
        }
    }

    @Test
    void theStyleSheetAndAScriptAreServedWholeTimeAndAgain() throws Exception {
        byte[] css = new ClassPathResource("static/css/quizdesk.css").getContentAsByteArray();
        byte[] script = new ClassPathResource("static/js/quiz.js").getContentAsByteArray();
        for (int i = 0; i < 3; i++) {
            MvcResult sheet = mvc.perform(get("/css/quizdesk.css")).andExpect(status().isOk()).andReturn();
            assertThat(sheet.getResponse().getContentAsByteArray()).isEqualTo(css);
            assertThat(sheet.getResponse().getContentType()).startsWith("text/css");
            assertThat(sheet.getResponse().getContentLength()).isEqualTo(css.length);
            MvcResult js = mvc.perform(get("/js/quiz.js")).andExpect(status().isOk()).andReturn();
            assertThat(js.getResponse().getContentAsByteArray()).isEqualTo(script);
            assertThat(js.getResponse().getContentType()).contains("javascript");
        }
    }

    @Test
    void addressesThatNameTheContentAreKeptForAYearAndAnotherHashIsNoFile() throws Exception {
        String kept = "max-age=31536000, public, immutable";
        String styleSheet = links.of("/css/quizdesk.css");
        assertThat(styleSheet).matches("/css/quizdesk-[0-9a-f]{32}\\.css");
        MvcResult sheet = mvc.perform(get(styleSheet)).andExpect(status().isOk()).andReturn();
        assertThat(sheet.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo(kept);
        assertThat(sheet.getResponse().getHeader(HttpHeaders.PRAGMA)).as("Spring Security's no-cache stays away").isNull();
        assertThat(sheet.getResponse().getContentAsByteArray()).isEqualTo(new ClassPathResource("static/css/quizdesk.css").getContentAsByteArray());
        mvc.perform(get(links.of("/js/quiz.js"))).andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, kept));
        mvc.perform(get("/css/quizdesk-0123456789abcdef0123456789abcdef.css")).andExpect(status().isNotFound());

        String katex = links.of("/webjars/katex/dist/katex.min.js");
        assertThat(katex).matches("/webjars/katex/[0-9][^/]*/dist/katex\\.min\\.js");
        mvc.perform(get(katex)).andExpect(status().isOk()).andExpect(header().string(HttpHeaders.CACHE_CONTROL, kept));
    }

    @Test
    void aPlainAddressIsConfirmedAtEachUseAsAReleaseChangesItsFile() throws Exception {
        for (String plain : List.of("/css/quizdesk.css", "/js/quiz.js", "/webjars/katex/dist/katex.min.js")) {
            assertThat(links.of(plain)).as("pages link another address").isNotEqualTo(plain);
            MockHttpServletResponse answer = mvc.perform(get(plain)).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(answer.getHeader(HttpHeaders.CACHE_CONTROL)).as(plain).isEqualTo("no-cache");
            assertThat(answer.getHeader(HttpHeaders.PRAGMA)).as(plain).isNull();
            assertThat(answer.getHeader(HttpHeaders.LAST_MODIFIED)).as(plain).isNotBlank();
        }
    }

    @Test
    void aBrowserThatTakesGzipGetsTheFilesGzippedAndOneThatDoesNotGetsThemPlain() throws Exception {
        Map<String, String> files = Map.of("/css/quizdesk.css", "static/css/quizdesk.css", "/js/quiz.js", "static/js/quiz.js",
                "/webjars/katex/dist/katex.min.js", "META-INF/resources/webjars/katex/" + katexVersion() + "/dist/katex.min.js");
        for (var file : files.entrySet()) {
            String link = links.of(file.getKey());
            byte[] original = new ClassPathResource(file.getValue()).getContentAsByteArray();
            MockHttpServletResponse plain = mvc.perform(get(link)).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(plain.getHeader(HttpHeaders.CONTENT_ENCODING)).as(link).isNull();
            assertThat(plain.getContentAsByteArray()).as(link).isEqualTo(original);

            for (int i = 0; i < 2; i++) {
                MockHttpServletResponse gzipped = mvc.perform(get(link).header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate, br, zstd"))
                        .andExpect(status().isOk()).andReturn().getResponse();
                assertThat(gzipped.getHeader(HttpHeaders.CONTENT_ENCODING)).as(link).isEqualTo("gzip");
                assertThat(gzipped.getHeaders(HttpHeaders.VARY)).as(link).contains(HttpHeaders.ACCEPT_ENCODING);
                assertThat(gzipped.getContentType()).as(link).isEqualTo(plain.getContentType());
                assertThat(gzipped.getHeader(HttpHeaders.CACHE_CONTROL)).as(link).isEqualTo("max-age=31536000, public, immutable");
                assertThat(gzipped.getContentAsByteArray().length).as(link).isLessThan(original.length / 2);
                try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.getContentAsByteArray()))) {
                    assertThat(unzipped.readAllBytes()).as(link).isEqualTo(original);
                }
            }
        }
    }

    /** The KaTeX WebJar's version, from the versioned link the pages use. */
    private String katexVersion() {
        return links.of("/webjars/katex/dist/katex.min.js").split("/")[3];
    }

    @Test
    void aBrowsersCopyIsConfirmedUnchangedAndNoFileIsServedFromAnotherFolder() throws Exception {
        String lastModified = mvc.perform(get("/css/quizdesk.css")).andExpect(status().isOk())
                .andReturn().getResponse().getHeader(HttpHeaders.LAST_MODIFIED);
        assertThat(lastModified).isNotBlank();
        mvc.perform(get("/css/quizdesk.css").header(HttpHeaders.IF_MODIFIED_SINCE, lastModified)).andExpect(status().isNotModified());
        mvc.perform(get("/css/quiz.js")).andExpect(status().isNotFound());
        mvc.perform(get("/js/../css/quizdesk.css")).andExpect(status().is4xxClientError());
        mvc.perform(get("/css/missing.css")).andExpect(status().isNotFound());
    }
}
