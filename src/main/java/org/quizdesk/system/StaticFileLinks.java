package org.quizdesk.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Links to static files by the addresses that name their content ({@link StaticFiles}): the app's style sheet
 * and scripts with a hash ({@code /css/quizdesk-<md5>.css}), the WebJars' files with their version. Pages built with
 * {@code @{…}} are rewritten by Spring's filter; pages written by hand (the busy pages) ask {@link #of(String)}.
 * <p>
 * Spring looks every link a page builds up among the static resources, and a link that is no file (an attempt's
 * address, a form's action) is looked for on the whole class path again at every render: a third of the quiz page's
 * time. So only links into the static folders are rewritten; a new folder needs its place in {@link #FOLDERS}.
 * The filter is registered under Boot's filter's type, which it replaces.
 */
@Configuration(proxyBeanMethods = false)
public class StaticFileLinks {

    /** The folders of static files, as paths under the app; also left alone by the overload bound and the language. */
    static final List<String> FOLDERS = List.of("/css/", "/js/", "/webjars/");
    /** The same as path patterns, for interceptors. */
    static final List<String> FOLDER_PATTERNS = FOLDERS.stream().map(folder -> folder + "**").toList();
    /** The hash an address that names the content adds to the file's name ("-<md5>" before the extension). */
    private static final Pattern CONTENT_HASH = Pattern.compile("-[0-9a-f]{32}(?=\\.[^./]+$)");

    /** Looked up when first asked: the filters, this one's users among them, are made before Spring MVC's beans. */
    private final ObjectProvider<ResourceUrlProvider> urls;

    StaticFileLinks(ObjectProvider<ResourceUrlProvider> urls) {
        this.urls = urls;
    }

    /**
     * The address that names the file's content, for a path under the app ("/js/busy.js" → "/js/busy-<md5>.js"); the
     * path as given when no such file is served.
     */
    public String of(String path) {
        if (!isStaticFile(path)) {
            return path;
        }
        ResourceUrlProvider provider = urls.getIfAvailable();
        String versioned = provider == null ? null : provider.getForLookupPath(path);
        return versioned == null ? path : versioned;
    }

    /**
     * Whether the path, under the app, is the address pages link a static file by: one that names its content or
     * version, which never changes. False for a plain one ("/css/quizdesk.css"), whose file a release can change, for
     * another content's hash, and before the app knows its files.
     */
    boolean namesItsContent(String path) {
        ResourceUrlProvider provider = urls.getIfAvailable();
        if (provider == null || provider.getHandlerMap().isEmpty()) {
            return false;
        }
        // asked by the plain address, whose link Spring keeps: an address no file has ("quizdesk-<md5>.css") would be
        // looked for on the class path again at every request; a WebJar's versioned address links itself
        String plain = CONTENT_HASH.matcher(path).replaceFirst("");
        return path.equals(provider.getForLookupPath(plain));
    }

    /** Whether the path, under the app, is in one of the static files' folders. */
    static boolean isStaticFile(String path) {
        return FOLDERS.stream().anyMatch(path::startsWith);
    }

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> staticFileLinksFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    static final class Filter extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // Spring's response wrapper rewrites what reaches it; this one, inside it, lets only static files' links through
            super.doFilter(request, response, (innerRequest, innerResponse) -> chain.doFilter(innerRequest,
                    new OtherLinksAsWritten((HttpServletRequest) innerRequest, (HttpServletResponse) innerResponse)));
        }
    }

    private static final class OtherLinksAsWritten extends HttpServletResponseWrapper {

        private final String context;

        OtherLinksAsWritten(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.context = request.getContextPath();
        }

        @Override
        public String encodeURL(String url) {
            return url.startsWith(context) && isStaticFile(url.substring(context.length())) ? super.encodeURL(url) : url;
        }
    }
}
