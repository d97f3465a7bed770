package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
