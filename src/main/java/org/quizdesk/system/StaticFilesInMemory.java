package org.quizdesk.system;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * The app's own style sheet and scripts served from memory, read from the jar once. Served as Boot serves static
 * files, each request read its file from the jar and inflated it again: the largest allocation of a class's start,
 * and on Java 22 and later the inflater's native calls pin heap regions that the collector cannot then move, which
 * ended in full collections every half minute under load. The files are few and small, and never change while
 * the app runs. WebJars stay with Boot (their links are resolved without versions, see {@link WebJarLinks}).
 */
@Configuration(proxyBeanMethods = false)
class StaticFilesInMemory implements WebMvcConfigurer {

    /** The folders under src/main/resources/static/. */
    private static final String[] FOLDERS = {"css", "js"};

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : FOLDERS) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    // true: resolved files and their read copies are kept (Spring's caching resolver and transformer)
                    .resourceChain(true)
                    .addTransformer(new ReadOnce());
        }
    }

    /** The file's bytes in memory, with its name and time of change, which the caching transformer then keeps. */
    private static final class ReadOnce implements ResourceTransformer {

        @Override
        public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain) throws IOException {
            Resource file = chain.transform(request, resource);
            return new TransformedResource(file, file.getContentAsByteArray());
        }
    }
}
