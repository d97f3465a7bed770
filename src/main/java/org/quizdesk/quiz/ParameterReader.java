package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a question's or a group's {@code parameters} and {@code where}, and checks the placeholders and
 * expressions of its texts against the names it knows. Every expression is parsed here, once.
 */
final class ParameterReader {

    /** More values than this in one range is a slip (a step of 0.0001 meant as 0.1), not a question. */
    private static final long MAX_RANGE_VALUES = 1_000_000;
    private static final Set<String> RANGE_FIELDS = Set.of("from", "to", "step");

    private ParameterReader() {
    }

    /**
     * The declared parameters and conditions (null when the mapping declares none).
     *
     * @param inherited the names the enclosing group declares (a part may use them, not declare them again)
     */
    static Parameters read(YamlMapping m, Set<String> inherited) {
        if (!m.mentions("parameters")) {
            if (m.mentions("where")) {
                m.problem(m.lineOf("where"), "\"where\" needs \"parameters\" to speak of");
            }
            return null;
        }
        Node node = m.value("parameters");
        if (!(node instanceof MappingNode mapping)) {
            m.problem(node == null ? m.line() : Problems.lineOf(node), "\"parameters\" must be a mapping of names "
                    + "to values (x: {from: 2, to: 9, step: 1}, act: [ReLU, tanh], y: \"x * 2\")");
            return null;
        }
        Set<String> known = caseInsensitive(inherited);
        List<Parameters.Parameter> declared = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                m.problem(tuple.getKeyNode(), "a parameter's name must be plain text");
                continue;
            }
            String name = key.getValue();
            Node value = tuple.getValueNode();
            String where = "parameter " + name + ": ";
            if (!Placeholders.NAME.matcher(name).matches() || QuizExpression.CONSTANTS.contains(name.toUpperCase())) {
                m.problem(tuple.getKeyNode(), where + "a name is letters, digits and \"_\", starting with a letter, "
                        + "and not one of " + String.join(", ", QuizExpression.CONSTANTS));
                continue;
            }
            if (!known.add(name)) {
                m.problem(tuple.getKeyNode(), where + (inherited.stream().anyMatch(name::equalsIgnoreCase)
                        ? "the group already declares it (a part uses the group's value)"
                        : "declared twice (names do not tell case apart)"));
                continue;
            }
            Parameters.Parameter parameter = parameter(m, name, value, known, where);
            if (parameter != null) {
                declared.add(parameter);
            }
        }
        List<QuizExpression> conditions = new ArrayList<>();
        List<Node> whereNodes = m.list("where", false);
        if (whereNodes != null) {
            for (Node condition : whereNodes) {
                QuizExpression expression = expression(m, condition, known, "where: ");
                if (expression != null) {
                    conditions.add(expression);
                }
            }
        }
        return new Parameters(declared, conditions, Map.of(), Problems.lineOf(node));
    }

    private static Parameters.Parameter parameter(YamlMapping m, String name, Node value, Set<String> known,
            String where) {
        if (value instanceof SequenceNode list) {
            List<Object> values = new ArrayList<>();
            for (Node entry : list.getValue()) {
                if (!(entry instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                    m.problem(entry, where + "a list's entries are numbers or words, not " + YamlMapping.describe(entry));
                    return null;
                }
                BigDecimal number = YamlMapping.decimal(scalar.getValue());
                values.add(number != null ? number : scalar.getValue());
            }
            if (values.isEmpty()) {
                m.problem(value, where + "the list is empty");
                return null;
            }
            return new Parameters.Choice(name, values);
        }
        if (value instanceof MappingNode) {
            return range(YamlMapping.of(value, "a range", m.where() + where, m.problems()), name);
        }
        if (value instanceof ScalarNode scalar && !YamlMapping.isNull(scalar)) {
            Set<String> above = caseInsensitive(known);
            above.remove(name);
            QuizExpression expression = expression(m, scalar, above, where);
            return expression == null ? null : new Parameters.Computed(name, expression);
        }
        m.problem(value, where + "a parameter is a range {from, to, step}, a list [a, b] or an expression \"x * 2\"");
        return null;
    }

    private static Parameters.Range range(YamlMapping r, String name) {
        r.allowOnly(RANGE_FIELDS);
        BigDecimal from = r.number("from", true);
        BigDecimal to = r.number("to", true);
        BigDecimal step = r.has("step") ? r.number("step", true) : BigDecimal.ONE;
        if (from == null || to == null || step == null) {
            return null;
        }
        if (step.signum() <= 0) {
            r.problem(r.value("step"), "\"step\" must be more than 0 (it is " + step.toPlainString() + ")");
            return null;
        }
        if (to.compareTo(from) < 0) {
            r.problem(r.value("to"), "\"to\" (" + to.toPlainString() + ") is below \"from\" ("
                    + from.toPlainString() + ")");
            return null;
        }
        if (to.subtract(from).divideToIntegralValue(step).compareTo(BigDecimal.valueOf(MAX_RANGE_VALUES)) >= 0) {
            r.problem(r.line(), "the range holds more than " + MAX_RANGE_VALUES + " values; use a larger step");
            return null;
        }
        return new Parameters.Range(name, from, to, step);
    }

    private static QuizExpression expression(YamlMapping m, Node node, Set<String> known, String where) {
        if (!(node instanceof ScalarNode scalar)) {
            m.problem(node, where + "an expression is text such as \"x * y / 2\", not " + YamlMapping.describe(node));
            return null;
        }
        return expression(m, Problems.lineOf(node), scalar.getValue(), known, where);
    }

    /** The parsed expression, or null after reporting a syntax error or a name that has no value. */
    static QuizExpression expression(YamlMapping m, int line, String text, Set<String> known, String where) {
        try {
            QuizExpression expression = QuizExpression.parse(text);
            Set<String> unknown = new TreeSet<>(expression.variables());
            unknown.removeIf(v -> known.stream().anyMatch(v::equalsIgnoreCase));
            if (!unknown.isEmpty()) {
                m.problem(line, where + "\"" + text + "\" uses " + String.join(", ", unknown) + ", which "
                        + (unknown.size() == 1 ? "is" : "are") + " not a parameter"
                        + (known.isEmpty() ? " (the question declares none)" : " (known: " + String.join(", ", known) + ")"));
                return null;
            }
            return expression;
        } catch (QuizExpression.InvalidExpression e) {
            m.problem(line, where + e.getMessage());
            return null;
        }
    }

    /**
     * The item's parameters completed with the {@code {{= …}}} expressions of its texts, or null for an item
     * that has no values (none of its own or its group's) and no expression answer. Placeholders with no value,
     * expressions that do not parse and expressions that use unknown names are reported.
     *
     * @param own the item's declared parameters, or null
     * @param inherited the group's names (for a part), else empty
     */
    static Parameters complete(YamlMapping m, Parameters own, Set<String> inherited, Item item) {
        Set<String> known = caseInsensitive(inherited);
        known.addAll(names(own));
        List<QuizExpression> answers = new ArrayList<>();
        if (item instanceof ShortAnswerQuestion shortAnswer) {
            for (AcceptedAnswer accepted : shortAnswer.accept()) {
                if (accepted instanceof AcceptedAnswer.Expression expression) {
                    answers.add(expression.expression());
                }
            }
        }
        for (QuizExpression answer : answers) {
            expression(m, m.lineOf("accept"), answer.text(), known, "accept: expr: ");
        }
        if (known.isEmpty() && own == null) {
            return answers.isEmpty() ? null : new Parameters(List.of(), List.of(), Map.of(), m.line());
        }
        Map<String, QuizExpression> inline = new HashMap<>();
        for (String text : texts(item)) {
            for (String inside : Placeholders.in(text)) {
                if (Placeholders.isExpression(inside)) {
                    String source = Placeholders.expressionText(inside);
                    QuizExpression expression = expression(m, m.line(), source, known, "placeholder {{" + inside + "}}: ");
                    if (expression != null) {
                        inline.put(source, expression);
                    }
                } else if (known.stream().noneMatch(inside::equalsIgnoreCase)) {
                    m.problem(m.line(), "placeholder {{" + inside + "}} has no value: "
                            + (Placeholders.NAME.matcher(inside).matches()
                                    ? "no parameter is named " + inside + " (known: " + String.join(", ", known) + ")"
                                    : "write {{name}} or {{= expression}} (LaTeX's double brace: \"{ {\")"));
                }
            }
        }
        return own == null
                ? new Parameters(List.of(), List.of(), inline, m.line())
                : new Parameters(own.declared(), own.where(), inline, own.line());
    }

    /** The texts that may hold placeholders: prompts, solutions, options, accepted texts (not regexes). */
    static List<String> texts(Item item) {
        List<String> texts = new ArrayList<>();
        texts.add(item.prompt());
        if (item instanceof Question question) {
            texts.add(question.solution());
        }
        if (item instanceof MultiSelectQuestion multi) {
            for (MultiSelectQuestion.Option option : multi.options()) {
                texts.add(option.text());
                texts.add(option.solution());
            }
        }
        if (item instanceof ShortAnswerQuestion shortAnswer) {
            for (AcceptedAnswer accepted : shortAnswer.accept()) {
                if (accepted instanceof AcceptedAnswer.Text text) {
                    texts.add(text.text());
                }
            }
        }
        return texts;
    }

    private static Set<String> caseInsensitive(Set<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }

    /** The names a group's parts may use: the group's own, in order. */
    static Set<String> names(Parameters parameters) {
        Set<String> names = new LinkedHashSet<>();
        if (parameters != null) {
            parameters.declared().forEach(p -> names.add(p.name()));
        }
        return names;
    }
}
