package org.quizdesk.account;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One browser (its own cookies) behind a trusted proxy on 127.0.0.1, which reports {@code address} as the client in
 * {@code X-Forwarded-For}: the sign-in tests over real HTTP play the proxy.
 */
final class ProxiedBrowser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;
    String address;

    ProxiedBrowser(int port, String address) {
        this.port = port;
        this.address = address;
    }

    /** The JSON sign-in (the quiz page's dialog): a CSRF token, then the form with {@code Accept: application/json}. */
    HttpResponse<String> signIn(String rawPath, String username, String password) throws Exception {
        HttpResponse<String> csrf = send(HttpRequest.newBuilder(uri("/api/csrf")).GET());
        if (csrf.statusCode() == 503) {
            // turned away by the node's request bound before the sign-in was sent (fifty at once are more than it
            // takes): that sign-in is refused as busy, as the sign-in itself would have been
            return csrf;
        }
        return send(HttpRequest.newBuilder(uri(rawPath)).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(username, password, token(csrf)))));
    }

    HttpResponse<String> signInAsBrowser(String username, String password) throws Exception {
        return signInAsBrowser("/signin", username, password);
    }

    HttpResponse<String> signInAsBrowser(String rawPath, String username, String password) throws Exception {
        String token = token(send(HttpRequest.newBuilder(uri("/api/csrf")).GET()));
        return send(HttpRequest.newBuilder(uri(rawPath)).header("Accept", "text/html,*/*;q=0.8")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(username, password, token))));
    }

    HttpResponse<String> get(String location) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port).resolve(location)).GET());
    }

    void signOut() throws Exception {
        String token = token(send(HttpRequest.newBuilder(uri("/api/csrf")).GET()));
        send(HttpRequest.newBuilder(uri("/signout")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(token))));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String rawPath) {
        return URI.create("http://127.0.0.1:" + port + rawPath);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String token(HttpResponse<String> csrf) {
        return json(csrf).get("token").asString();
    }

    static String form(String username, String password, String token) {
        return "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
