package org.quizdesk.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to a platform's services (AGS scores, NRPS memberships) with an OAuth 2 access token from its token URL:
 * client credentials with a JWT client assertion signed by the tool's key (LTI Security Framework). Tokens are cached
 * per platform and scope until shortly before they expire.
 */
@Component
class PlatformCalls {

    static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    static final String MEMBERSHIPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
    static final String MEMBERSHIPS_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    /** A token is not used in its last half minute: it might expire on the way. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    /** A call the platform refused or did not answer; the message says which, for the passback status. */
    static class PlatformCallFailed extends RuntimeException {
        PlatformCallFailed(String message) {
            super(message);
        }
    }

    private record Token(String value, Instant expiresAt) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final ToolKeys keys;
    private final LtiProperties properties;
    private final Clock clock;
    private final HttpClient http;

    PlatformCalls(ToolKeys keys, LtiProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.fetchTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Posts a score to a line item ({@code <line item>/scores}). */
    void postScore(Platform platform, String lineItemUrl, Map<String, Object> score) {
        String body = JSON.writeValueAsString(score);
        HttpResponse<String> response = send(platform, SCORE_SCOPE, HttpRequest.newBuilder(URI.create(scoresUrl(lineItemUrl)))
                .header("Content-Type", SCORE_TYPE).POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() / 100 != 2) {
            throw new PlatformCallFailed("the platform answered HTTP " + response.statusCode() + brief(response.body()));
        }
    }

    /** One page of a context's memberships (NRPS); the next page's URL from the {@code Link} header, if any. */
    record MembershipPage(JsonNode body, String next) {
    }

    MembershipPage memberships(Platform platform, String url) {
        HttpResponse<String> response = send(platform, MEMBERSHIPS_SCOPE, HttpRequest.newBuilder(URI.create(url))
                .header("Accept", MEMBERSHIPS_TYPE).GET());
        if (response.statusCode() / 100 != 2) {
            throw new PlatformCallFailed("the platform answered HTTP " + response.statusCode() + brief(response.body()));
        }
        String next = response.headers().allValues("Link").stream().flatMap(h -> java.util.Arrays.stream(h.split(",")))
                .filter(l -> l.contains("rel=\"next\"")).map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>'))).findFirst().orElse(null);
        return new MembershipPage(JSON.readTree(response.body()), next);
    }

    /** {@code <line item>/scores}, the query (some platforms put the line item's id there) kept after the path. */
    static String scoresUrl(String lineItemUrl) {
        int query = lineItemUrl.indexOf('?');
        String path = query < 0 ? lineItemUrl : lineItemUrl.substring(0, query);
        String rest = query < 0 ? "" : lineItemUrl.substring(query);
        return (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/scores" + rest;
    }

    private HttpResponse<String> send(Platform platform, String scope, HttpRequest.Builder request) {
        String token = token(platform, scope);
        HttpResponse<String> response = call(request.header("Authorization", "Bearer " + token).timeout(properties.fetchTimeout()).build());
        if (response.statusCode() == 401) {
            // revoked or expired early: one more try with a fresh token
            tokens.remove(platform.id() + " " + scope);
            response = call(request.setHeader("Authorization", "Bearer " + token(platform, scope)).build());
        }
        return response;
    }

    private String token(Platform platform, String scope) {
        String key = platform.id() + " " + scope;
        Token cached = tokens.get(key);
        Instant now = clock.instant();
        if (cached != null && cached.expiresAt().isAfter(now.plus(EXPIRY_MARGIN))) {
            return cached.value();
        }
        Map<String, String> form = Map.of("grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion(platform, now), "scope", scope);
        HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(platform.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .timeout(properties.fetchTimeout())
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"))))
                .build());
        if (response.statusCode() / 100 != 2) {
            throw new PlatformCallFailed("the token URL answered HTTP " + response.statusCode() + brief(response.body()));
        }
        JsonNode answer = JSON.readTree(response.body());
        JsonNode value = answer.get("access_token");
        if (value == null || value.asString().isBlank()) {
            throw new PlatformCallFailed("the token URL gave no access_token");
        }
        long seconds = answer.has("expires_in") ? answer.get("expires_in").asLong() : 3600;
        Token token = new Token(value.asString(), now.plusSeconds(seconds));
        tokens.put(key, token);
        return token.value();
    }

    /** The client assertion: issued by and about our client id, for the token URL, short-lived and never reused. */
    private String assertion(Platform platform, Instant now) {
        RSAKey key = keys.signingKey();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(platform.clientId()).subject(platform.clientId())
                .audience(platform.tokenUrl()).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a client assertion", e);
        }
        return jwt.serialize();
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PlatformCallFailed("no answer from " + request.uri().getHost() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformCallFailed("interrupted");
        }
    }

    private static String brief(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }
}
