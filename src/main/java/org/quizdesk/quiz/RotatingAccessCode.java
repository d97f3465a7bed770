package org.quizdesk.quiz;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An access code that changes every few minutes: six digits derived with HMAC-SHA256 from the quiz's secret and the
 * number of the time step (the truncation of RFC 4226, section 5.3), so every node computes the same code from the
 * clock alone and nothing is stored per step. The previous step's code is still taken for a minute, for the student
 * who typed it just as the proctor's screen changed.
 *
 * @param secret the quiz's secret, hex
 * @param every how long one code lasts
 */
public record RotatingAccessCode(String secret, Duration every) {

    /** How long after a change the previous code is still accepted. */
    public static final Duration PREVIOUS_ACCEPTED_FOR = Duration.ofMinutes(1);

    public long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), every.toSeconds());
    }

    /** The code shown at this instant. */
    public String codeAt(Instant at) {
        return code(step(at));
    }

    /** When the code shown at this instant is replaced. */
    public Instant nextChangeAfter(Instant at) {
        return Instant.ofEpochSecond((step(at) + 1) * every.toSeconds());
    }

    /** The current step's code, or the previous step's within a minute of the change. */
    public boolean accepts(String typed, Instant at) {
        long step = step(at);
        if (AccessRules.sameCode(typed, code(step))) {
            return true;
        }
        Instant changedAt = Instant.ofEpochSecond(step * every.toSeconds());
        return at.isBefore(changedAt.plus(PREVIOUS_ACCEPTED_FOR)) && AccessRules.sameCode(typed, code(step - 1));
    }

    String code(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(secret), "HmacSHA256"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
