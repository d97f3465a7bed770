package org.quizdesk.lti;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The platforms' public key sets, fetched from their key-set URLs and cached for {@code quizdesk.lti.key-set-cache-for}.
 * A token signed with a key id the cached set lacks makes Nimbus fetch the set again (a platform has rotated its key),
 * at most once a second, so tokens with made-up key ids cannot make us hammer the platform.
 */
@Component
class PlatformKeySets {

    private static final long MIN_REFETCH_INTERVAL_MS = 1000;
    private static final int MAX_KEY_SET_BYTES = 256 * 1024;

    private final Map<String, JWKSource<SecurityContext>> byUrl = new ConcurrentHashMap<>();
    private final LtiProperties properties;

    PlatformKeySets(LtiProperties properties) {
        this.properties = properties;
    }

    JWKSource<SecurityContext> of(Platform platform) {
        return byUrl.computeIfAbsent(platform.keySetUrl(), this::source);
    }

    private JWKSource<SecurityContext> source(String url) {
        int timeout = (int) properties.fetchTimeout().toMillis();
        try {
            return JWKSourceBuilder.<SecurityContext>create(URI.create(url).toURL(),
                            new DefaultResourceRetriever(timeout, timeout, MAX_KEY_SET_BYTES))
                    .cache(properties.keySetCacheFor().toMillis(), timeout)
                    .refreshAheadCache(false)
                    .rateLimited(MIN_REFETCH_INTERVAL_MS)
                    .retrying(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a key-set URL: " + url, e);
        }
    }
}
