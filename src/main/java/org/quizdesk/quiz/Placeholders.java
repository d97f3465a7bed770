package org.quizdesk.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{x}}} and {@code {{= x * y / 2}}} placeholders of a parameterised question's texts. Only questions
 * with parameters (their own or their group's) are read for them, so a file without parameters keeps any
 * {@code {{} it has; in one with parameters, LaTeX's double brace is written with a space ({@code { {}) and a
 * literal {@code {{} as {@code {{= "{{"}}}.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Placeholders() {
    }

    /** The insides of every placeholder of the text, trimmed ("x", "= x * y"), in order. */
    static List<String> in(String text) {
        List<String> found = new ArrayList<>();
        if (text != null) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                found.add(matcher.group(1).strip());
            }
        }
        return found;
    }

    static boolean isExpression(String inside) {
        return inside.startsWith("=");
    }

    static String expressionText(String inside) {
        return inside.substring(1).strip();
    }

    /**
     * The text with every placeholder replaced by its value.
     *
     * @param values by name, any case (EvalEx's names are case-insensitive, and so are ours)
     * @throws QuizExpression.InvalidExpression when an expression cannot be evaluated for these values
     */
    static String fill(String text, Map<String, Object> values, Map<String, QuizExpression> inline) {
        if (text == null) {
            return null;
        }
        Map<String, Object> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(values);
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String inside = matcher.group(1).strip();
            Object value = isExpression(inside)
                    ? inline.get(expressionText(inside)).evaluate(values)
                    : byName.get(inside);
            if (value == null) {
                // the reader refuses unknown names, so this is a programming error, not an author's
                throw new IllegalStateException("no value for placeholder {{" + inside + "}}");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(QuizExpression.display(value)));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
