package org.quizdesk.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs axe-core (from its WebJar on the test classpath) in the current page and reports WCAG 2.1 A/AA violations. */
final class Axe {

    private static final String SCRIPT_PATH = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final String TAGS = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";
    private static volatile String script;

    private Axe() {
    }

    /** The violations on the page as readable text, one block per rule; empty when there are none. */
    static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(script());
        }
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                window.axe.run(document, { runOnly: { type: 'tag', values: %s }, resultTypes: ['violations'] })
                    .then(function (r) { done(JSON.stringify(r.violations)); })
                    .catch(function (e) { done('axe failed: ' + e); });
                """.formatted(TAGS));
        String text = String.valueOf(result);
        if (text.startsWith("axe failed")) {
            throw new IllegalStateException(text);
        }
        List<String> found = new ArrayList<>();
        for (JsonNode violation : JsonMapper.shared().readTree(text)) {
            StringBuilder block = new StringBuilder();
            block.append(violation.path("id").asString()).append(" (").append(violation.path("impact").asString()).append("): ")
                    .append(violation.path("help").asString()).append("  ").append(violation.path("helpUrl").asString());
            for (JsonNode node : violation.path("nodes")) {
                block.append("\n    at ").append(node.path("target").toString())
                        .append("\n       ").append(node.path("html").asString())
                        .append("\n       ").append(node.path("failureSummary").asString().replace("\n", "\n       "));
            }
            found.add(block.toString());
        }
        return found;
    }

    private static String script() {
        if (script == null) {
            try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT_PATH)) {
                if (in == null) {
                    throw new IllegalStateException("axe-core is not on the test classpath at " + SCRIPT_PATH);
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }
}
