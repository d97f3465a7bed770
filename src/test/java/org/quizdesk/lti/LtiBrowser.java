package org.quizdesk.lti;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as an LTI launch goes: keeps its cookies (the Secure, SameSite=None state cookie too, which
 * Java's CookieManager would withhold from http://localhost) and does not follow redirects, so a test sees each hop.
 */
final class LtiBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private final String app;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final Map<String, String> cookies = new LinkedHashMap<>();

    LtiBrowser(int port) {
        this.app = "http://localhost:" + port;
    }

    /** The platform's login initiation (a GET); answers the redirect to the platform's authorization endpoint. */
    HttpResponse<String> initiateLogin(Map<String, String> parameters) throws Exception {
        return get("/lti/login?" + form(parameters));
    }

    /** The state and nonce the redirect to the platform carries. */
    static Map<String, String> query(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return Arrays.stream(URI.create(location).getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8), (a, b) -> b));
    }

    /** The platform's form post of the id token back to the tool. */
    HttpResponse<String> launch(String idToken, String state) throws Exception {
        return post("/lti/launch", Map.of("id_token", idToken, "state", state));
    }

    /** The same post into an iframe of the platform's page, as Chromium marks it. */
    HttpResponse<String> launchInFrame(String idToken, String state) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(app + "/lti/launch")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").header("Sec-Fetch-Dest", "iframe")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("id_token", idToken, "state", state)))));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(app + path)).header("Accept", "text/html").GET());
    }

    HttpResponse<String> post(String path, Map<String, String> parameters) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(app + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form(parameters))));
    }

    /**
     * A form post with what the browser says of the page that sent it: {@code Sec-Fetch-Site} (null: an older browser
     * that does not send it) and {@code Origin}.
     */
    HttpResponse<String> postFrom(String site, String origin, String path, Map<String, String> parameters) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").header("Origin", origin).POST(HttpRequest.BodyPublishers.ofString(form(parameters)));
        if (site != null) {
            request.header("Sec-Fetch-Site", site);
        }
        return send(request);
    }

    /** This browser's idea of the app's origin. */
    String origin() {
        return app;
    }

    /** A form post from one of the app's pages, with that page's CSRF token. */
    HttpResponse<String> postFromPage(String page, String path, Map<String, String> parameters) throws Exception {
        Matcher token = CSRF.matcher(get(page).body());
        if (!token.find()) {
            throw new IllegalStateException(page + " has no CSRF token");
        }
        Map<String, String> withToken = new LinkedHashMap<>(parameters);
        withToken.put("_csrf", token.group(1));
        return post(path, withToken);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String[] nameValue = set.split(";", 2)[0].split("=", 2);
            if (set.contains("Max-Age=0")) {
                cookies.remove(nameValue[0]);
            } else {
                cookies.put(nameValue[0], nameValue[1]);
            }
        }
        return response;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
