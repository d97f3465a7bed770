package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, line-aware access to one YAML mapping of a quiz file. Every getter reports what is wrong (with the
 * line of the value, or of the mapping when the field is missing) and returns null, so a reader can carry on
 * and collect all problems of a file.
 */
final class YamlMapping {

    private final MappingNode node;
    private String where;
    private final Problems problems;
    private final Map<String, NodeTuple> fields = new LinkedHashMap<>();
    private final List<Node> repeatedKeys = new ArrayList<>();

    private YamlMapping(MappingNode node, String where, Problems problems) {
        this.node = node;
        this.where = where;
        this.problems = problems;
    }

    /**
     * @param what how to name the node if it is not a mapping ("the file", "an option")
     * @param where prefix of every message, e.g. {@code "question 2.1: "}, or empty
     * @return null (after reporting) when the node is not a mapping
     */
    static YamlMapping of(Node node, String what, String where, Problems problems) {
        if (!(node instanceof MappingNode)) {
            problems.add(node, where + what + " must be a mapping of fields (name: value), not " + describe(node));
            return null;
        }
        YamlMapping mapping = new YamlMapping((MappingNode) node, where, problems);
        for (NodeTuple tuple : mapping.node.getValue()) {
            Node key = tuple.getKeyNode();
            if (!(key instanceof ScalarNode)) {
                problems.add(key, where + "a field name must be plain text");
                continue;
            }
            String name = ((ScalarNode) key).getValue();
            if (mapping.fields.containsKey(name)) {
                mapping.repeatedKeys.add(key);
            } else {
                mapping.fields.put(name, tuple);
            }
        }
        return mapping;
    }

    /**
     * Reports every field not in {@code allowed}, suggesting the closest known name to catch typos, and every
     * field written twice. Called once the message prefix is final (a question's id is one of its fields).
     */
    void allowOnly(Set<String> allowed) {
        for (Node key : repeatedKeys) {
            problems.add(key, where + "field \"" + ((ScalarNode) key).getValue() + "\" appears twice");
        }
        for (Map.Entry<String, NodeTuple> field : fields.entrySet()) {
            if (!allowed.contains(field.getKey())) {
                String hint = FieldNames.closest(field.getKey(), allowed);
                problems.add(field.getValue().getKeyNode(), where + "unknown field \"" + field.getKey() + "\""
                        + (hint == null ? "" : " (did you mean \"" + hint + "\"?)"));
            }
        }
    }

    String where() {
        return where;
    }

    /** Changes the message prefix once the mapping's name is known (a question's id is one of its fields). */
    void where(String prefix) {
        this.where = prefix;
    }

    int line() {
        return Problems.lineOf(node);
    }

    Node node() {
        return node;
    }

    /** The key's line when present, else the mapping's. */
    int lineOf(String key) {
        NodeTuple tuple = fields.get(key);
        return tuple == null ? line() : Problems.lineOf(tuple.getKeyNode());
    }

    /** True when the field is written with a value other than null / ~ / nothing. */
    boolean has(String key) {
        return value(key) != null;
    }

    /** True when the field is written at all, even as null. */
    boolean mentions(String key) {
        return fields.containsKey(key);
    }

    /** The value node, or null when absent or written as null. */
    Node value(String key) {
        NodeTuple tuple = fields.get(key);
        if (tuple == null) {
            return null;
        }
        Node value = tuple.getValueNode();
        return isNull(value) ? null : value;
    }

    void problem(Node at, String message) {
        problems.add(at, where + message);
    }

    void problem(int line, String message) {
        problems.add(line, where + message);
    }

    Problems problems() {
        return problems;
    }

    /** A required text must also be non-blank: an empty prompt or title is a slip, not a choice. */
    String text(String key, boolean required) {
        ScalarNode scalar = scalar(key, required, "text");
        if (scalar != null && required && scalar.getValue().isBlank()) {
            problem(scalar, "\"" + key + "\" must not be empty");
            return null;
        }
        return scalar == null ? null : scalar.getValue();
    }

    /** A number exactly as written (parsed from the scalar's text, never through a double). */
    BigDecimal number(String key, boolean required) {
        ScalarNode scalar = scalar(key, required, "a number");
        if (scalar == null) {
            return null;
        }
        BigDecimal number = decimal(scalar.getValue());
        if (number == null) {
            problem(scalar, "\"" + key + "\" must be a number, not \"" + scalar.getValue() + "\"");
        }
        return number;
    }

    /** Only true and false: YAML 1.1's yes/no/on/off are too easy to write by accident. */
    Boolean bool(String key, boolean required) {
        ScalarNode scalar = scalar(key, required, "true or false");
        if (scalar == null) {
            return null;
        }
        String value = scalar.getValue().trim().toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        problem(scalar, "\"" + key + "\" must be true or false, not \"" + scalar.getValue() + "\"");
        return null;
    }

    Duration duration(String key, boolean required) {
        ScalarNode scalar = scalar(key, required, "a duration");
        if (scalar == null) {
            return null;
        }
        Duration duration = DurationText.parse(scalar.getValue());
        if (duration == null) {
            problem(scalar, "\"" + key + "\" must be a duration such as 30m, 1h30m or 90s, not \""
                    + scalar.getValue() + "\"");
        }
        return duration;
    }

    /** The items of a list field; a required list must also have at least one item. */
    List<Node> list(String key, boolean required) {
        Node value = value(key);
        if (value == null) {
            if (required) {
                missing(key);
            }
            return null;
        }
        if (!(value instanceof SequenceNode)) {
            problem(value, "\"" + key + "\" must be a list (lines starting with \"- \"), not " + describe(value));
            return null;
        }
        List<Node> items = new ArrayList<>(((SequenceNode) value).getValue());
        if (required && items.isEmpty()) {
            problem(value, "\"" + key + "\" must not be empty");
            return null;
        }
        return items;
    }

    void missing(String key) {
        problem(line(), "missing required field \"" + key + "\"");
    }

    private ScalarNode scalar(String key, boolean required, String expected) {
        Node value = value(key);
        if (value == null) {
            if (required) {
                missing(key);
            }
            return null;
        }
        if (!(value instanceof ScalarNode)) {
            problem(value, "\"" + key + "\" must be " + expected + ", not " + describe(value));
            return null;
        }
        return (ScalarNode) value;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** BigDecimal of the text as written, or null; YAML's .inf and .nan are not numbers here. */
    static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "\"" + ((ScalarNode) node).getValue() + "\"";
    }
}
