package org.quizdesk.lti;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The one-time codes that carry a launch out of the LMS's frame ({@link LaunchHandoffs}, {@link DeepLinkTickets}):
 * random, shown once, and stored only as a digest.
 */
final class OneTimeCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Far longer than a code; anything longer is not one of ours and is not hashed. */
    private static final int MAX_LENGTH = 100;

    private OneTimeCodes() {
    }

    /** 256 random bits, URL-safe: a code that cannot be guessed. */
    static String newCode() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored of a code: someone who reads the table cannot use it. */
    static String digest(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a posted value can be a code at all (absent, blank or oversized ones are looked up nowhere). */
    static boolean wellFormed(String code) {
        return code != null && !code.isBlank() && code.length() <= MAX_LENGTH;
    }
}
