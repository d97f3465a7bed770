package org.quizdesk.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The app's style sheet and scripts, and the WebJars' files, each under an address that names its content, kept by
 * browsers for a year, sent gzipped to browsers that take it, and read from the jar once.
 * <ul>
 * <li><b>Kept</b>: without it every page of a quiz fetched them all again (326 KB with KaTeX): Spring Security marks
 * every answer {@code no-store}, so not even a "not modified" was possible. The app's files are linked with a hash of
 * their content in the name ({@code /css/quizdesk-<md5>.css}, see {@link StaticFileLinks}) and the WebJars' with their
 * version, so a new release is a new address and a kept copy is never stale. A plain address is confirmed at each use.
 * <li><b>Gzipped</b>: the build writes {@code file.gz} beside each (pom.xml, "gzip-static-files"; KaTeX's three
 * files unpacked from its WebJar for it), which Spring's encoded resolver serves: a student's first page takes
 * 88 KB instead of 326 on a lecture hall's shared Wi-Fi, at no CPU per request.
 * <li><b>Read once</b>: served as Boot serves static files, each request read its file from the jar and inflated it
 * again: the largest allocation of a class's start, and on Java 22 and later the inflater's native calls pin heap
 * regions that the collector cannot then move, which ended in full collections every half minute under load. The
 * files are few and small, and never change while the app runs.
 * </ul>
 * First among the configurers, so that Boot, finding {@code /webjars/**} taken, does not map it again.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaticFiles implements WebMvcConfigurer {

    /** The folders under src/main/resources/static/. */
    private static final String[] APP_FOLDERS = {"css", "js"};
    private static final String KEPT_FOR_A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable().getHeaderValue();
    /** A plain address's copy is used only after the server confirms it unchanged (a "not modified" answer). */
    private static final String CONFIRMED_AT_EACH_USE = CacheControl.noCache().getHeaderValue();

    private final StaticFileLinks links;

    StaticFiles(StaticFileLinks links) {
        this.links = links;
    }

    /**
     * Each answer's caching by its address, as the handlers cannot tell them apart (they set none of their own): the
     * address pages link, which names the content, is kept for a year; a plain one (an old bookmark, a page made before
     * the app knew its files) is confirmed at each use, so a new release's file replaces it at once.
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                response.setHeader(HttpHeaders.CACHE_CONTROL, links.namesItsContent(path) ? KEPT_FOR_A_YEAR : CONFIRMED_AT_EACH_USE);
                return true;
            }
        }).addPathPatterns(StaticFileLinks.FOLDER_PATTERNS);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : APP_FOLDERS) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    // true: resolved files and their read copies are kept (Spring's caching resolver and transformer)
                    .resourceChain(true)
                    // the gzipped file is looked for beside the one the version named, so the hash is the plain file's
                    .addResolver(new EncodedResourceResolver())
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
                    // read once what the style sheets' link rewriting gives: it leaves a gzipped file alone, as it
                    // knows Spring's encoded file, and would not know the copy read into memory
                    .addTransformer(new ReadOnce())
                    .addTransformer(new CssLinkResourceTransformer());
        }
        // the chain resolves a link without a version to the WebJar's versioned file (Spring adds the WebJars resolver)
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver())
                .addTransformer(new ReadOnce());
    }

    /**
     * The file's bytes in memory, with its name, time of change and answer headers (a gzipped file's encoding, a
     * versioned file's ETag), which the caching transformer then keeps.
     */
    private static final class ReadOnce implements ResourceTransformer {

        @Override
        public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain) throws IOException {
            Resource file = chain.transform(request, resource);
            return new InMemory(file, file.getContentAsByteArray(),
                    file instanceof HttpResource answered ? answered.getResponseHeaders() : HttpHeaders.EMPTY);
        }
    }

    private static final class InMemory extends TransformedResource implements HttpResource {

        private final HttpHeaders headers;

        InMemory(Resource file, byte[] content, HttpHeaders headers) {
            super(file, content);
            this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
        }

        @Override
        public HttpHeaders getResponseHeaders() {
            return headers;
        }
    }
}
