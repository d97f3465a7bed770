package org.quizdesk.system;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.springframework.cache.Cache;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Reads the session attributes that Spring Session JDBC stores serialised, deserialising the two that every request
 * reads, the security context and the CSRF token, once per node and stored value instead of on every request:
 * that took an eighth of a warm autosave request's CPU (docs/benchmarks.md).
 * <p>
 * The cache is keyed by the SHA-256 of the stored bytes, so what it gives is exactly what deserialising those bytes
 * gives, and the database stays the only truth: a session signed out, or signed in anew, on any node has other bytes
 * or none. Only values nobody changes in place are kept: a CSRF token is immutable, and a security context is handed
 * out as a new context around the kept authentication, because signing out empties the context it is given. Any
 * other attribute is deserialised on each read, as before.
 */
final class SessionAttributeReads implements Converter<byte[], Object> {

    /** The session-values cache (system.HttpSessionConfiguration): one entry per signed-in session, a kilobyte or two. */
    static final String SESSION_VALUES = "session-values";

    private static final Set<Class<?>> KEPT = Set.of(SecurityContextImpl.class, DefaultCsrfToken.class);

    private final DeserializingConverter deserializer;
    private final Cache values;

    SessionAttributeReads(ClassLoader classLoader, Cache values) {
        this.deserializer = new DeserializingConverter(classLoader);
        this.values = values;
    }

    @Override
    public Object convert(byte[] stored) {
        String key = sha256(stored);
        Cache.ValueWrapper kept = values.get(key);
        if (kept != null) {
            return handedOut(kept.get());
        }
        Object value = deserializer.convert(stored);
        if (value != null && KEPT.contains(value.getClass())) {
            values.put(key, value);
            return handedOut(value);
        }
        return value;
    }

    private static Object handedOut(Object value) {
        return value instanceof SecurityContext context ? new SecurityContextImpl(context.getAuthentication()) : value;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
