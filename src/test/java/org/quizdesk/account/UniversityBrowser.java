package org.quizdesk.account;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.quizdesk.testsupport.MockUniversity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser as far as sign-in goes: keeps cookies, and follows redirects one at a time so a test sees every hop of
 * the authorization code flow (Quizdesk, the provider's authorization endpoint, Quizdesk's callback, the landing).
 */
final class UniversityBrowser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String app;
    private final HttpClient http;
    /** Every address visited by the last {@link #follow}, the first included. */
    final List<URI> hops = new ArrayList<>();

    UniversityBrowser(int port) {
        this.app = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Clicks the provider's button on the sign-in page, and follows the redirects to wherever they end. */
    HttpResponse<String> signInThroughUniversity() throws Exception {
        return follow(app + "/oauth2/authorization/" + MockUniversity.REGISTRATION);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app + path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET that follows redirects (at most ten), as a browser would. */
    HttpResponse<String> follow(String url) throws Exception {
        hops.clear();
        URI next = URI.create(url);
        for (int i = 0; i < 10; i++) {
            hops.add(next);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(next).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            var location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return response;
            }
            next = next.resolve(location.get());
        }
        throw new IllegalStateException("more than ten redirects: " + hops);
    }

    /** A password sign-in as the quiz page's script makes it (JSON answers). */
    HttpResponse<String> signInWithPassword(String username, String password) throws Exception {
        JsonNode csrf = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(app + "/api/csrf")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String form = Map.of("username", username, "password", password, "_csrf", csrf.get("token").asString()).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(app + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Presses "Sign out" (a form post with the page's CSRF token); the answer is not followed. */
    HttpResponse<String> signOut() throws Exception {
        JsonNode csrf = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(app + "/api/csrf")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        return http.send(HttpRequest.newBuilder(URI.create(app + "/signout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.get("token").asString(), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
