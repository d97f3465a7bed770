package org.quizdesk.attempt;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short name for the browser behind a User-Agent header ("Chrome 131 on Windows", "Safe Exam Browser 3.8 on
 * macOS"), for the control room and the evidence timeline. Two saves count as from a second browser when their
 * labels differ, so a browser's minor update during an exam does not flag anyone. Pure; a header it does not know
 * reads as its first words.
 */
public final class BrowserLabel {

    static final int MAX_LENGTH = 60;
    /** The raw header is kept for disputes, truncated to this. */
    static final int MAX_USER_AGENT = 300;

    /** Checked in order: Edge and Opera also say Chrome, Chrome also says Safari, SEB adds its own token. */
    private static final List<Product> PRODUCTS = List.of(
            new Product("Safe Exam Browser", Pattern.compile("SEB/(\\d+(?:\\.\\d+)?)")),
            new Product("Edge", Pattern.compile("Edg(?:e|A|iOS)?/(\\d+)")),
            new Product("Opera", Pattern.compile("OPR/(\\d+)")),
            new Product("Samsung Internet", Pattern.compile("SamsungBrowser/(\\d+)")),
            new Product("Firefox", Pattern.compile("(?:Firefox|FxiOS)/(\\d+)")),
            new Product("Chrome", Pattern.compile("(?:Chrome|CriOS|Chromium)/(\\d+)")),
            new Product("Safari", Pattern.compile("Version/(\\d+(?:\\.\\d+)?).*Safari/")),
            new Product("curl", Pattern.compile("curl/(\\d+(?:\\.\\d+)?)")));

    private static final List<Product> SYSTEMS = List.of(
            new Product("Android", Pattern.compile("Android")),
            new Product("iOS", Pattern.compile("iPhone|iPad|iPod")),
            new Product("ChromeOS", Pattern.compile("CrOS")),
            new Product("Windows", Pattern.compile("Windows")),
            new Product("macOS", Pattern.compile("Macintosh|Mac OS X")),
            new Product("Linux", Pattern.compile("Linux")));

    private record Product(String name, Pattern pattern) {
    }

    private BrowserLabel() {
    }

    /** The label, or null for a request without the header. */
    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String browser = null;
        for (Product product : PRODUCTS) {
            Matcher matcher = product.pattern().matcher(userAgent);
            if (matcher.find()) {
                browser = product.name() + " " + matcher.group(1);
                break;
            }
        }
        String system = SYSTEMS.stream().filter(s -> s.pattern().matcher(userAgent).find()).map(Product::name).findFirst().orElse(null);
        String label = browser == null ? firstWord(userAgent) : system == null ? browser : browser + " on " + system;
        return label.length() <= MAX_LENGTH ? label : label.substring(0, MAX_LENGTH);
    }

    /** The raw header as stored: at most {@value #MAX_USER_AGENT} characters. */
    static String truncated(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        return userAgent.length() <= MAX_USER_AGENT ? userAgent : userAgent.substring(0, MAX_USER_AGENT);
    }

    private static String firstWord(String userAgent) {
        String stripped = userAgent.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }
}
