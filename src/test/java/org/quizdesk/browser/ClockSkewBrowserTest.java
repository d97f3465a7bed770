package org.quizdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/** A student's device clock that is wrong by ten minutes, either way, changes nothing about their time. */
class ClockSkewBrowserTest extends BrowserTest {

    @Test
    void aDeviceClockTenMinutesFastOrSlowShowsTheServersRemainingTime() {
        for (long skewMinutes : new long[] {10, -10}) {
            String script = addSkew(skewMinutes);
            startSeedQuiz(newStudent(skewMinutes > 0 ? "fast" : "slow"));
            assertThat(js("return Math.round((Date.now() - new Date().getTime()) / 60000);"))
                    .as("the page's clock is skewed").isEqualTo(skewMinutes);

            int left = timerSeconds();
            assertThat(left).as("time left with the device clock %+d min", skewMinutes).isBetween(30 * 60 - 15, 30 * 60);

            removeSkew(script);
            driver.manage().deleteAllCookies();
        }
    }

    /** Every page from now on sees Date.now() shifted: the device clock is wrong. */
    private String addSkew(long minutes) {
        Object added = ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "(function () { var real = Date.now; Date.now = function () { return real() + " + minutes * 60_000 + "; }; })();"));
        return String.valueOf(((Map<?, ?>) added).get("identifier"));
    }

    private void removeSkew(String identifier) {
        ((ChromeDriver) driver).executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", identifier));
    }
}
