package org.quizdesk.testsupport;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.quizdesk.lti.PlatformForm;

/**
 * A simulated LTI 1.3 platform (an LMS) over HTTP in the test's process: its own RSA key pair and key set endpoint,
 * id tokens made as Canvas or Moodle would make them, a token endpoint that checks the tool's client assertion against
 * the tool's key set, an AGS score endpoint that records what it is sent (and can be told to fail), and an NRPS
 * membership endpoint. Rotating its key publishes only the new one.
 */
public final class LtiPlatform {

    public static final String CLIENT_ID = "quizdesk-client";
    public static final String DEPLOYMENT_ID = "deployment-1";

    private final HttpServer server;
    private volatile RSAKey key;
    /** How often the key set was fetched: a cache shows as fewer fetches than launches. */
    public final AtomicInteger keySetFetches = new AtomicInteger();
    public final AtomicInteger tokensIssued = new AtomicInteger();
    /** Every score posted, as the platform received it: the line item's path, the content type and the JSON body. */
    public final List<ReceivedScore> scores = new CopyOnWriteArrayList<>();
    /** Every deep-linking response (its {@code JWT} field) the tool's page posted back to {@code /deep-link-return}. */
    public final List<String> deepLinkResponses = new CopyOnWriteArrayList<>();
    private final AtomicInteger failScorePosts = new AtomicInteger();
    private volatile String toolKeySetUrl;
    private volatile Clock clock = Clock.systemUTC();
    private volatile String memberships = "{\"members\": []}";

    public record ReceivedScore(String path, String contentType, String body) {
    }

    public LtiPlatform() {
        try {
            key = newKey();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/jwks", exchange -> {
            keySetFetches.incrementAndGet();
            answer(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString());
        });
        server.createContext("/token", this::token);
        server.createContext("/lineitems", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer platform-token-")) {
                answer(exchange, 401, "application/json", "{}");
                return;
            }
            if (failScorePosts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(exchange, 503, "text/plain", "gradebook is being upgraded");
                return;
            }
            scores.add(new ReceivedScore(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            answer(exchange, 200, "application/json", "{}");
        });
        server.createContext("/nrps", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer platform-token-")) {
                answer(exchange, 401, "application/json", "{}");
                return;
            }
            answer(exchange, 200, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json", memberships);
        });
        server.createContext("/course", this::coursePage);
        server.createContext("/deep-link-return", exchange -> {
            deepLinkResponses.add(query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).get("JWT"));
            answer(exchange, 200, "text/html", "<!DOCTYPE html><html lang=\"en\"><head><title>Added</title></head><body>"
                    + "<p id=\"added\">The link was added to the course.</p></body></html>");
        });
        server.createContext("/auth", this::authorize);
        server.start();
    }

    private volatile java.util.function.Function<String, Map<String, Object>> signedIn = nonce -> launchClaims(nonce, "sub-browser");

    /** Who the platform's authorization endpoint signs in next: the claims of its id token for a nonce. */
    public void signInNext(java.util.function.Function<String, Map<String, Object>> claims) {
        signedIn = claims;
    }

    /**
     * The course page a browser opens: a link's login initiation as the LMS makes it, a form that posts itself to the
     * tool's {@code /lti/login}, either in the page or ({@code ?frame}) inside an iframe, as Canvas and Moodle embed
     * tools. {@code ?tool=<tool's base URL>} says where the tool is.
     */
    private void coursePage(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String tool = query.get("tool");
        if (query.containsKey("frame")) {
            answer(exchange, 200, "text/html", "<!DOCTYPE html><html lang=\"en\"><head><title>Course</title></head><body>"
                    + "<h1>Deep Learning</h1><iframe title=\"Quizdesk\" style=\"width:100%;max-width:900px;height:420px\" src=\"/course?tool="
                    + tool + "\"></iframe></body></html>");
            return;
        }
        answer(exchange, 200, "text/html", "<!DOCTYPE html><html lang=\"en\"><head><title>Launching</title></head><body>"
                + "<form id=\"login\" method=\"post\" action=\"" + tool + "/lti/login\">"
                + hidden("iss", issuer()) + hidden("login_hint", "hint-browser") + hidden("client_id", CLIENT_ID)
                + hidden("lti_deployment_id", DEPLOYMENT_ID) + hidden("target_link_uri", tool + "/quizzes/cse493g1-au24-quiz2")
                + "</form><script>document.getElementById('login').submit();</script></body></html>");
    }

    /** The OIDC authorization endpoint: the id token for the tool's nonce, form-posted to its redirect URI with the state. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String token = idToken(signedIn.apply(query.get("nonce")));
        answer(exchange, 200, "text/html", "<!DOCTYPE html><html lang=\"en\"><head><title>Signing in</title></head><body>"
                + "<form id=\"launch\" method=\"post\" action=\"" + query.get("redirect_uri") + "\">"
                + hidden("id_token", token) + hidden("state", query.get("state"))
                + "</form><script>document.getElementById('launch').submit();</script></body></html>");
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + value.replace("\"", "&quot;") + "\">";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    /** The clock its tokens are issued by: the app's own in tests that move time. */
    public void useClock(Clock clock) {
        this.clock = clock;
    }

    /** Where the tool publishes its keys: the token endpoint checks client assertions against them. */
    public void trustToolKeysAt(String url) {
        toolKeySetUrl = url;
    }

    /** The next {@code n} score posts are answered 503. */
    public void failNextScorePosts(int n) {
        failScorePosts.set(n);
    }

    /** The NRPS membership container the platform answers with. */
    public void memberships(String json) {
        memberships = json;
    }

    /** Client credentials with a JWT client assertion, checked as a platform checks it: signature, iss, sub, aud. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        try {
            SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
            JWKSet toolKeys = JWKSet.load(URI.create(toolKeySetUrl).toURL());
            RSAKey toolKey = (RSAKey) toolKeys.getKeyByKeyId(assertion.getHeader().getKeyID());
            JWTClaimsSet claims = assertion.getJWTClaimsSet();
            String wrong = !"client_credentials".equals(form.get("grant_type")) ? "grant_type"
                    : !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type")) ? "client_assertion_type"
                    : toolKey == null ? "unknown kid " + assertion.getHeader().getKeyID()
                    : !assertion.verify(new RSASSAVerifier(toolKey)) ? "signature"
                    : !CLIENT_ID.equals(claims.getIssuer()) || !CLIENT_ID.equals(claims.getSubject()) ? "iss/sub"
                    : !claims.getAudience().contains(url("/token")) ? "aud " + claims.getAudience()
                    : !claims.getExpirationTime().after(Date.from(clock.instant())) ? "expired" : null;
            if (wrong != null) {
                answer(exchange, 401, "application/json", "{\"error\": \"invalid_client\", \"error_description\": \"" + wrong + "\"}");
                return;
            }
        } catch (Exception e) {
            answer(exchange, 400, "application/json", "{\"error\": \"invalid_request\", \"error_description\": \"" + e + "\"}");
            return;
        }
        answer(exchange, 200, "application/json", "{\"access_token\": \"platform-token-" + tokensIssued.incrementAndGet()
                + "\", \"token_type\": \"Bearer\", \"expires_in\": 3600, \"scope\": \"" + form.get("scope") + "\"}");
    }

    public String issuer() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public String url(String path) {
        return issuer() + path;
    }

    /** The values an instructor copies from the LMS into Quizdesk's registration form. */
    public Map<String, String> registration() {
        return Map.of("issuer", issuer(), "clientId", CLIENT_ID, "deploymentIds", DEPLOYMENT_ID,
                "oidcLoginUrl", url("/auth"), "tokenUrl", url("/token"), "keySetUrl", url("/jwks"));
    }

    /**
     * {@link #registration()} as the form an instructor sends, trusting the net id among the custom parameters, as the
     * README's Canvas and Moodle set-ups have it.
     */
    public PlatformForm registrationForm() {
        Map<String, String> values = registration();
        PlatformForm form = new PlatformForm();
        form.setIssuer(values.get("issuer"));
        form.setClientId(values.get("clientId"));
        form.setDeploymentIds(values.get("deploymentIds"));
        form.setOidcLoginUrl(values.get("oidcLoginUrl"));
        form.setTokenUrl(values.get("tokenUrl"));
        form.setKeySetUrl(values.get("keySetUrl"));
        form.setTrustsCustomNetId(true);
        return form;
    }

    /** A fresh key pair; the key set publishes only it from now on. */
    public void rotateKey() {
        key = newKey();
    }

    /** The claims of a student's resource-link launch to the seed quiz, for this nonce; tests change what they test. */
    public Map<String, Object> launchClaims(String nonce, String subject) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", issuer());
        claims.put("aud", List.of(CLIENT_ID));
        claims.put("sub", subject);
        claims.put("nonce", nonce);
        claims.put("iat", Date.from(clock.instant()));
        claims.put("exp", Date.from(clock.instant().plus(Duration.ofMinutes(5))));
        claims.put("name", "Launch Student");
        claims.put("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest");
        claims.put("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0");
        claims.put("https://purl.imsglobal.org/spec/lti/claim/deployment_id", DEPLOYMENT_ID);
        claims.put("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", "https://quiz.example/quizzes/cse493g1-au24-quiz2");
        claims.put("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "link-1", "title", "Quiz 2"));
        claims.put("https://purl.imsglobal.org/spec/lti/claim/roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"));
        claims.put("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", "course-1", "title", "Deep Learning"));
        return claims;
    }

    /** The id token with these claims, signed with the platform's key. */
    public String idToken(Map<String, Object> claims) {
        return sign(claims, key);
    }

    /** Signed with a key the platform never published, under the published key's id. */
    public String forgedIdToken(Map<String, Object> claims) {
        return sign(claims, new RSAKey.Builder(newKey()).keyID(key.getKeyID()).build());
    }

    public void stop() {
        server.stop(0);
    }

    private static String sign(Map<String, Object> claims, RSAKey with) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).type(JOSEObjectType.JWT).build(),
                set.build());
        try {
            jwt.sign(new RSASSASigner(with));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
