package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Short browser labels from real User-Agent headers, and what an odd or missing header reads as. */
class BrowserLabelTest {

    @Test
    void commonBrowsersReadAsNameMajorVersionAndSystem() {
        assertThat(BrowserLabel.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"))
                .isEqualTo("Chrome 131 on Windows");
        assertThat(BrowserLabel.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86"))
                .isEqualTo("Edge 131 on Windows");
        assertThat(BrowserLabel.of("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")).isEqualTo("Firefox 133 on Linux");
        assertThat(BrowserLabel.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"))
                .isEqualTo("Safari 18.1 on macOS");
        assertThat(BrowserLabel.of("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1"))
                .isEqualTo("Chrome 131 on iOS");
        assertThat(BrowserLabel.of("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"))
                .isEqualTo("Chrome 131 on Android");
        assertThat(BrowserLabel.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 SEB/3.8.0"))
                .isEqualTo("Safe Exam Browser 3.8 on Windows");
    }

    @Test
    void aMinorUpdateKeepsTheLabelSoItFlagsNobody() {
        assertThat(BrowserLabel.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.85 Safari/537.36"))
                .isEqualTo(BrowserLabel.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.139 Safari/537.36"));
    }

    @Test
    void anUnknownHeaderReadsAsItsFirstWordAndNoHeaderAsNothing() {
        assertThat(BrowserLabel.of("python-requests/2.32.3")).isEqualTo("python-requests/2.32.3");
        assertThat(BrowserLabel.of("curl/8.5.0")).isEqualTo("curl 8.5");
        assertThat(BrowserLabel.of(null)).isNull();
        assertThat(BrowserLabel.of("  ")).isNull();
        assertThat(BrowserLabel.of("x".repeat(500))).hasSize(BrowserLabel.MAX_LENGTH);
        assertThat(BrowserLabel.truncated("y".repeat(500))).hasSize(BrowserLabel.MAX_USER_AGENT);
    }
}
