package org.quizdesk.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders the Markdown of quiz texts to HTML, leaving LaTeX ($...$ and $$...$$) untouched for KaTeX in the
 * browser. Raw HTML in a quiz file is shown as text, never run. In the application each distinct text is rendered
 * once while it stays in the {@value QuizCaches#MARKDOWN} cache; {@code new QuizMarkdown()} (exports, tests) renders
 * every time.
 */
@Component
public class QuizMarkdown {

    /** Display math first, then inline math; a backslash-escaped dollar is not a delimiter. */
    private static final Pattern MATH = Pattern.compile("\\$\\$(.+?)\\$\\$|(?<!\\\\)\\$(?!\\s)([^$\\n]+?)(?<![\\s\\\\])\\$", Pattern.DOTALL);
    /** Letters only, so Markdown leaves the placeholder as it is. */
    private static final String NONCE_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final Cache rendered;

    /** Without a cache. */
    public QuizMarkdown() {
        this.rendered = null;
    }

    @Autowired
    QuizMarkdown(CacheManager caches) {
        this.rendered = caches.getCache(QuizCaches.MARKDOWN);
    }

    /** Block rendering: paragraphs, lists, code. */
    public String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return rendered == null ? render(markdown) : rendered.get(markdown, () -> render(markdown));
    }

    /** Inline rendering for short texts such as option labels: the single paragraph's content. */
    public String inlineHtml(String markdown) {
        String html = html(markdown).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }

    private String render(String markdown) {
        // Math hides from Markdown behind placeholders spelt with a random nonce, new at each render and not in the
        // text: a fixed spelling could be typed (or written as entities) by an author or a TA, and broke the page.
        String prefix = placeholderPrefix(markdown);
        List<String> math = new ArrayList<>();
        Matcher matcher = MATH.matcher(markdown);
        StringBuilder protectedText = new StringBuilder();
        while (matcher.find()) {
            math.add(matcher.group());
            matcher.appendReplacement(protectedText, prefix + (math.size() - 1) + "QZ");
        }
        matcher.appendTail(protectedText);
        String html = renderer.render(parser.parse(protectedText.toString()));
        Matcher tokens = Pattern.compile(Pattern.quote(prefix) + "(\\d{1,9})QZ").matcher(html);
        StringBuilder restored = new StringBuilder();
        while (tokens.find()) {
            int index = Integer.parseInt(tokens.group(1));
            String replacement = index < math.size() ? HtmlUtils.htmlEscape(math.get(index)) : tokens.group();
            tokens.appendReplacement(restored, Matcher.quoteReplacement(replacement));
        }
        tokens.appendTail(restored);
        return restored.toString();
    }

    private static String placeholderPrefix(String markdown) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String prefix;
        do {
            StringBuilder nonce = new StringBuilder("QZMATH");
            for (int i = 0; i < 12; i++) {
                nonce.append(NONCE_LETTERS.charAt(random.nextInt(NONCE_LETTERS.length())));
            }
            prefix = nonce.toString();
        } while (markdown.contains(prefix));
        return prefix;
    }
}
