package org.quizdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.quizdesk.testsupport.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production profile with no trusted proxy configured: a client on a private network (here 127.0.0.1) that
 * writes its own {@code X-Forwarded-For} cannot pick a fresh address for every guess. (The old postgres profile
 * believed the header from any private address.)
 */
@OnPostgres
@ActiveProfiles({"postgres", "test"})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UntrustedForwardedForTest {

    @LocalServerPort int port;
    @Autowired AccountService accounts;

    @Test
    void aSpoofedForwardedForFromAnUntrustedAddressIsIgnored() throws Exception {
        accounts.create("spoofed1", "Spoofed Student", null, "AA", Role.STUDENT, "right-password");
        for (int i = 0; i < 5; i++) {
            assertThat(guess("10.20.30." + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = guess("10.20.31.1");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
    }

    private HttpResponse<String> guess(String spoofedAddress) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf = http.send(HttpRequest.newBuilder(uri("/api/csrf")).header("X-Forwarded-For", spoofedAddress).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String token = JsonMapper.builder().build().readTree(csrf).get("token").asString();
        String form = "username=spoofed1&password=wrong&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(uri("/signin")).header("X-Forwarded-For", spoofedAddress)
                .header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
