package org.quizdesk.interchange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML of other systems' question texts turned into Markdown: p, br, b/strong, i/em, code, pre, ul/ol/li and
 * sub/sup (as LaTeX); images become named placeholders; every other tag is dropped with its text kept and named in
 * {@link Converted#droppedTags()}. Entities are decoded. Nothing is executed or kept as HTML: Quizdesk's Markdown
 * escapes HTML anyway, so a {@code <script>} in a source shows as text.
 */
final class HtmlText {

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");
    /** Tags that only wrap text: dropping them loses nothing a student needs, so they are not reported. */
    private static final Set<String> WRAPPERS = Set.of("span", "div", "font", "body", "html", "u", "a");

    private HtmlText() {
    }

    /**
     * @param markdown the text as Markdown
     * @param images each image's {@code src} (and alt text), in order, for placeholders and notes
     * @param droppedTags the tags that had no Markdown equivalent (their text is kept)
     */
    record Converted(String markdown, List<Image> images, Set<String> droppedTags) {
    }

    record Image(String source, String alt) {
    }

    /** Plain text (GIFT's and Moodle's non-HTML formats): entities decoded, nothing else changed. */
    static String plain(String text) {
        return decode(text == null ? "" : text).strip();
    }

    static Converted toMarkdown(String html) {
        String source = html == null ? "" : html;
        StringBuilder out = new StringBuilder();
        List<Image> images = new ArrayList<>();
        Set<String> dropped = new LinkedHashSet<>();
        List<String> lists = new ArrayList<>();
        boolean pre = false;
        Matcher tag = TAG.matcher(source);
        int at = 0;
        while (tag.find()) {
            out.append(text(source.substring(at, tag.start()), pre));
            at = tag.end();
            if (tag.group(2) == null) {
                continue;
            }
            boolean closing = !tag.group(1).isEmpty();
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            switch (name) {
                case "p", "div" -> out.append("\n\n");
                case "br" -> out.append("  \n");
                case "b", "strong" -> out.append("**");
                case "i", "em" -> out.append("*");
                case "code" -> out.append(pre ? "" : "`");
                case "pre" -> {
                    pre = !closing;
                    out.append(closing ? "\n```\n\n" : "\n\n```\n");
                }
                case "sub" -> out.append(closing ? "}$" : "$_{");
                case "sup" -> out.append(closing ? "}$" : "$^{");
                case "ul", "ol" -> {
                    if (closing) {
                        if (!lists.isEmpty()) {
                            lists.remove(lists.size() - 1);
                        }
                    } else {
                        lists.add(name);
                    }
                    out.append("\n\n");
                }
                case "li" -> {
                    if (!closing) {
                        String indent = "   ".repeat(Math.max(0, lists.size() - 1));
                        boolean ordered = !lists.isEmpty() && lists.get(lists.size() - 1).equals("ol");
                        out.append('\n').append(indent).append(ordered ? "1. " : "- ");
                    }
                }
                case "img" -> {
                    if (closing) {
                        continue;
                    }
                    String src = attribute(tag.group(3), "src");
                    String alt = attribute(tag.group(3), "alt");
                    images.add(new Image(src == null ? "" : decode(src), alt == null ? "" : decode(alt)));
                    out.append(" [image: ").append(alt == null || alt.isBlank() ? "see the figure" : decode(alt)).append(']');
                }
                default -> {
                    if (!WRAPPERS.contains(name)) {
                        dropped.add(name);
                    }
                }
            }
        }
        out.append(text(source.substring(at), pre));
        return new Converted(tidy(out.toString()), List.copyOf(images), dropped);
    }

    private static String text(String raw, boolean pre) {
        String decoded = decode(raw);
        // HTML collapses whitespace; Markdown must not see the source's line breaks as paragraphs
        return pre ? decoded : decoded.replaceAll("\\s+", " ");
    }

    private static String attribute(String attributes, String name) {
        Matcher m = ATTRIBUTE.matcher(attributes);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                String value = m.group(2);
                return value.startsWith("\"") || value.startsWith("'") ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    /** Blank lines at most two in a row, no spaces at line ends (except a Markdown line break), stripped. */
    private static String tidy(String markdown) {
        String[] lines = markdown.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int blank = 0;
        for (String line : lines) {
            String trimmed = line.endsWith("  ") && !line.isBlank() ? line.stripTrailing() + "  " : line.stripTrailing();
            trimmed = trimmed.startsWith(" ") && !trimmed.stripLeading().matches("(- |1\\. ).*") ? trimmed.stripLeading()
                    : trimmed;
            if (trimmed.isBlank()) {
                blank++;
                if (blank > 1) {
                    continue;
                }
                out.append('\n');
            } else {
                blank = 0;
                out.append(trimmed).append('\n');
            }
        }
        String result = out.toString().strip();
        // a hard line break at the very end of a paragraph means nothing
        return result.replaceAll(" {2}\n\n", "\n\n").replaceAll(" {2}$", "");
    }

    static String decode(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String replacement;
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                replacement = codePoint(entity.substring(2), 16, m.group());
            } else if (entity.startsWith("#")) {
                replacement = codePoint(entity.substring(1), 10, m.group());
            } else {
                replacement = switch (entity) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> "\u00a0";
                    case "ndash" -> "\u2013";
                    case "mdash" -> "\u2014";
                    case "times" -> "\u00d7";
                    case "minus" -> "\u2212";
                    case "hellip" -> "\u2026";
                    case "deg" -> "\u00b0";
                    case "plusmn" -> "\u00b1";
                    case "middot" -> "\u00b7";
                    case "le" -> "\u2264";
                    case "ge" -> "\u2265";
                    case "ne" -> "\u2260";
                    case "copy" -> "\u00a9";
                    case "euro" -> "\u20ac";
                    case "lsquo" -> "\u2018";
                    case "rsquo" -> "\u2019";
                    case "ldquo" -> "\u201c";
                    case "rdquo" -> "\u201d";
                    default -> m.group();
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The character a numeric reference names; one beyond Unicode (too long even for an int) stays as written. */
    private static String codePoint(String digits, int radix, String original) {
        int value;
        try {
            value = Integer.parseInt(digits, radix);
        } catch (NumberFormatException tooLarge) {
            return original;
        }
        return Character.isValidCodePoint(value) && value != 0 ? new String(Character.toChars(value)) : original;
    }
}
