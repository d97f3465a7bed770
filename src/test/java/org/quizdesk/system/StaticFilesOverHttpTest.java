package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a static file's answer that is kept for a year must not carry, over real HTTP (the error page comes from the
 * server's error dispatch, which MockMvc does not make).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StaticFilesOverHttpTest {

    @LocalServerPort int port;
    @Autowired StaticFileLinks links;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anErrorPageAfterAKeptFilesHeadersIsKeptByNobody() throws Exception {
        // a range past the file's end: the file's handler has set its year-long header when it fails with 416
        HttpResponse<String> answer = get(links.of("/css/quizdesk.css"), HttpHeaders.RANGE, "bytes=99999999-");

        assertThat(answer.statusCode()).isEqualTo(416);
        assertThat(answer.headers().firstValue(HttpHeaders.CACHE_CONTROL)).hasValueSatisfying(
                cacheControl -> assertThat(cacheControl).contains("no-store").doesNotContain("public", "max-age=31536000"));
    }

    @Test
    void aLanguageInAStaticFilesQuerySetsNoCookie() throws Exception {
        HttpResponse<String> answer = get(links.of("/css/quizdesk.css") + "?lang=de", HttpHeaders.ACCEPT, "text/css");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue(HttpHeaders.CACHE_CONTROL)).hasValue("max-age=31536000, public, immutable");
        assertThat(answer.headers().allValues(HttpHeaders.SET_COOKIE)).as("a public answer's cookies").isEmpty();
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header(header, value).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
