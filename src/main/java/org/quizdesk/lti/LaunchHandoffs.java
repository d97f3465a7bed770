package org.quizdesk.lti;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.quizdesk.lti.internal.HandoffRepository;
import org.quizdesk.lti.internal.HandoffRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Launches made inside the LMS's frame, handed over to a tab of their own: a framed page cannot sign anyone in (its
 * cookies are third-party), so the launch leaves a one-time code, valid for {@code quizdesk.lti.handoff-valid-for},
 * that the new tab brings back. Only the code's digest is stored.
 */
@Service
public class LaunchHandoffs {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who the code signs in, and where they land. */
    public record Handoff(long accountId, String landing) {
    }

    private final HandoffRepository handoffs;
    private final LtiProperties properties;
    private final Clock clock;

    LaunchHandoffs(HandoffRepository handoffs, LtiProperties properties, Clock clock) {
        this.handoffs = handoffs;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return the code, to be shown once (in the framed page's form) */
    @Transactional
    public String handOff(long accountId, String landing) {
        Instant now = clock.instant();
        // codes never used (a frame closed) would pile up: each new one clears the expired
        handoffs.deleteExpiredBefore(now);
        String code = newCode();
        handoffs.save(new HandoffRow(digest(code), accountId, landing, now.plus(properties.handoffValidFor())));
        return code;
    }

    /** The hand-off of a live code, used up by this call; empty for an unknown, used or expired one. */
    @Transactional
    public Optional<Handoff> take(String code) {
        if (code == null || code.isBlank() || code.length() > 100) {
            return Optional.empty();
        }
        String digest = digest(code);
        if (handoffs.use(digest, clock.instant()) != 1) {
            return Optional.empty();
        }
        return handoffs.findById(digest).map(row -> new Handoff(row.getAccountId(), row.getLanding()));
    }

    /** 256 random bits, URL-safe: a code that cannot be guessed, shown once. */
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
}
