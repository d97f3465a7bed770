package org.quizdesk.quiz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The Safe Exam Browser keys an instructor pasted in, and the check of SEB's request headers against them. SEB's
 * developer documentation defines both headers (safeexambrowser.org/developer/seb-config-key.html and
 * SEB-Specification-BrowserExamKey.pdf): with "Use Browser &amp; Config Keys (send in HTTP header)" on, SEB sends with
 * every request
 * <ul>
 * <li>{@code X-SafeExamBrowser-ConfigKeyHash}: the Base16 (hex) SHA-256 of the absolute requested URL (without
 *     fragment) followed by the Config Key ("actually URL first, then Config Key");</li>
 * <li>{@code X-SafeExamBrowser-RequestHash}: the hex SHA-256 of the same URL followed by the Browser Exam Key.</li>
 * </ul>
 * Because the URL is part of the hash, a header seen on one page cannot be replayed on another.
 *
 * @param configKeys the Config Keys taken (one per configuration in use); empty: the header is not checked
 * @param browserExamKeys the Browser Exam Keys taken (they differ per SEB version and platform); empty: not checked
 */
public record SafeExamBrowserKeys(List<String> configKeys, List<String> browserExamKeys) {

    public static final String CONFIG_KEY_HEADER = "X-SafeExamBrowser-ConfigKeyHash";
    public static final String REQUEST_HASH_HEADER = "X-SafeExamBrowser-RequestHash";

    public SafeExamBrowserKeys {
        configKeys = List.copyOf(configKeys);
        browserExamKeys = List.copyOf(browserExamKeys);
    }

    public boolean required() {
        return !configKeys.isEmpty() || !browserExamKeys.isEmpty();
    }

    /** Whether a request to {@code url} with these header values passes every check that is set. */
    public boolean accept(String url, String configKeyHash, String requestHash) {
        return (configKeys.isEmpty() || matchesAny(url, configKeys, configKeyHash))
                && (browserExamKeys.isEmpty() || matchesAny(url, browserExamKeys, requestHash));
    }

    /** hex(SHA-256(url + key)), as SEB computes its headers. */
    public static String hash(String url, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((url + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean matchesAny(String url, List<String> keys, String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        byte[] sent = header.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String key : keys) {
            // constant time per key, and every key compared, so timing does not say how close a guess came
            match |= MessageDigest.isEqual(sent, hash(url, key).getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }
}
