package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TrustedProxiesTest {

    private final TrustedProxies proxies = new TrustedProxies(List.of("172.28.0.10/32", "10.0.0.0/8", "::1/128"));

    private String client(String remote, String... forwardedFor) {
        return proxies.clientAddress(remote, Collections.enumeration(List.of(forwardedFor)));
    }

    @Test
    void theClientIsTheRightMostHopThatIsNotATrustedProxy() {
        assertThat(client("172.28.0.10", "198.51.100.7")).isEqualTo("198.51.100.7");
        // two trusted proxies in a row, and an address the client wrote itself in front of them
        assertThat(client("172.28.0.10", "1.2.3.4, 198.51.100.7, 10.1.2.3")).isEqualTo("198.51.100.7");
        assertThat(client("172.28.0.10", "1.2.3.4, 198.51.100.7", "10.1.2.3")).isEqualTo("198.51.100.7");
        assertThat(client("::1", "2001:db8::5")).isEqualTo("2001:db8::5");
    }

    @Test
    void anUntrustedSenderKeepsItsOwnAddressWhateverItWrites() {
        assertThat(client("10.9.9.9", "198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(client("192.168.1.20", "198.51.100.7")).isEqualTo("192.168.1.20");
    }

    @Test
    void aHopThatIsNotAnAddressEndsTheWalkWithoutALookup() {
        assertThat(client("172.28.0.10", "198.51.100.7, evil.example.org")).isEqualTo("172.28.0.10");
        assertThat(client("172.28.0.10", "evil.example.org, 198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(client("172.28.0.10")).isEqualTo("172.28.0.10");
    }

    @Test
    void theRequestUrlIsTheBrowsersBehindATrustedProxyOnly() throws Exception {
        assertThat(urlSeen("172.28.0.10", "exam.example.org")).isEqualTo("https://exam.example.org/api/attempts/7/answers");
        assertThat(urlSeen("172.28.0.10", "evil.example.org/x?")).as("not a host").isEqualTo("https://localhost:8080/api/attempts/7/answers");
        assertThat(urlSeen("192.168.1.20", "exam.example.org")).as("untrusted").isEqualTo("http://localhost:8080/api/attempts/7/answers");
    }

    @Test
    void urlsBuiltFromTheRequestNameTheBrowsersHostAndPortBehindATrustedProxyOnly() throws Exception {
        // Spring Security builds OpenID Connect redirect URLs this way: scheme, server name and port, path
        assertThat(builtUrl(seen("172.28.0.10", "exam.example.org"))).isEqualTo("https://exam.example.org/api/attempts/7/answers");
        assertThat(builtUrl(seen("172.28.0.10", "exam.example.org:8443"))).isEqualTo("https://exam.example.org:8443/api/attempts/7/answers");
        assertThat(builtUrl(seen("172.28.0.10", "[2001:db8::1]"))).isEqualTo("https://[2001:db8::1]/api/attempts/7/answers");
        assertThat(builtUrl(seen("172.28.0.10", null))).as("scheme only: the Host header passed on")
                .isEqualTo("https://localhost:8080/api/attempts/7/answers");
        assertThat(builtUrl(seen("192.168.1.20", "exam.example.org"))).as("untrusted").isEqualTo("http://localhost:8080/api/attempts/7/answers");
    }

    private static String builtUrl(HttpServletRequest request) {
        return org.springframework.security.web.util.UrlUtils.buildFullRequestUrl(request);
    }

    private String urlSeen(String remote, String forwardedHost) throws Exception {
        return seen(remote, forwardedHost).getRequestURL().toString();
    }

    private HttpServletRequest seen(String remote, String forwardedHost) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/attempts/7/answers");
        request.setServerName("localhost");
        request.setServerPort(8080);
        request.addHeader("Host", "localhost:8080");
        request.setRemoteAddr(remote);
        request.addHeader("X-Forwarded-For", "198.51.100.7");
        request.addHeader("X-Forwarded-Proto", "https");
        if (forwardedHost != null) {
            request.addHeader("X-Forwarded-Host", forwardedHost);
        }
        HttpServletRequest[] seen = new HttpServletRequest[1];
        proxies.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen[0] = (HttpServletRequest) req);
        return seen[0];
    }
}
