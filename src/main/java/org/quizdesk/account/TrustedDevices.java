package org.quizdesk.account;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The device cookie of OWASP's "slow down online guessing" pattern: a browser that signed in as a net id gets a
 * signed cookie naming that net id and a random device id. Its later sign-ins as that net id count only against
 * that device, so failures from anywhere else cannot keep the owner out. The signing key is one database row,
 * so a cookie issued by one node is honoured by all.
 */
@Component
class TrustedDevices {

    static final String COOKIE = "quizdesk-device";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    private final JdbcClient jdbc;
    private final AccountProperties properties;
    private final Clock clock;
    private volatile byte[] key;

    TrustedDevices(JdbcClient jdbc, AccountProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Marks this browser as a trusted device for {@code username} (a new device id at every sign-in). */
    void trust(HttpServletRequest request, HttpServletResponse response, String username) {
        byte[] deviceId = new byte[16];
        RANDOM.nextBytes(deviceId);
        long expires = clock.instant().plus(properties.trustedDeviceFor()).getEpochSecond();
        String payload = B64.encodeToString(username.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(deviceId)
                + "." + expires;
        ResponseCookie cookie = ResponseCookie.from(COOKIE, payload + "." + sign(payload))
                .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                .maxAge(properties.trustedDeviceFor())
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    /** The device id of a valid, unexpired cookie issued to this browser for {@code username}. */
    Optional<String> deviceOf(HttpServletRequest request, String username) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null || username == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                Optional<String> device = verify(cookie.getValue(), username);
                if (device.isPresent()) {
                    return device;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> verify(String value, String username) {
        String[] parts = value.split("\\.");
        if (parts.length != 4) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            String named = new String(B64_DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            boolean current = Long.parseLong(parts[2]) > clock.instant().getEpochSecond();
            return named.equals(username) && current ? Optional.of(parts[1]) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Read on first use, not at start-up: the table comes from a migration that may not have run yet then. */
    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = B64_DECODER.decode(storedKey().orElseGet(this::createKey));
            key = known;
        }
        return known;
    }

    private Optional<String> storedKey() {
        return jdbc.sql("select secret from sign_in_key where id = 1").query(String.class).optional();
    }

    private String createKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        try {
            jdbc.sql("insert into sign_in_key (id, secret) values (1, ?)").param(B64.encodeToString(secret)).update();
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // fine: every node uses the row that won
        }
        return storedKey().orElseThrow();
    }
}
