package org.quizdesk.quiz;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads short-answer questions: their accepted answers (auto-graded) or rubric (graded by hand). */
final class ShortAnswerReader {

    private static final Set<String> FIELDS = Set.of("id", "type", "points", "prompt", "figures", "solution",
            "solution_figures", "accept", "grading", "rubric", "parameters", "where");
    private static final List<String> KINDS = List.of("shape", "number", "expr", "text", "regex");
    private static final Set<String> ACCEPT_FIELDS =
            Set.of("shape", "number", "expr", "text", "regex", "tolerance", "relative");
    private static final Set<String> RUBRIC_FIELDS = Set.of("id", "points", "text");

    private ShortAnswerReader() {
    }

    static ShortAnswerQuestion read(YamlMapping m, String id, BigDecimal points, String prompt) {
        QuestionReader.allowOnly(m, FIELDS, "a short_answer question has no options to shuffle");
        List<Figure> figures = FigureReader.read(m, "figures");
        String grading = m.text("grading", false);
        boolean manual = "manual".equals(grading);
        if (grading != null && !manual && !"auto".equals(grading)) {
            m.problem(m.value("grading"), "\"grading\" must be auto or manual, not \"" + grading + "\"");
        }
        List<AcceptedAnswer> accept = new ArrayList<>();
        List<RubricItem> rubric = new ArrayList<>();
        if (manual) {
            if (m.mentions("accept")) {
                m.problem(m.lineOf("accept"), "\"accept\" is not used with grading: manual (a grader scores it; "
                        + "put the expected answer in \"solution\")");
            }
            readRubric(m, rubric);
        } else {
            if (m.mentions("rubric")) {
                m.problem(m.lineOf("rubric"), "\"rubric\" is only used with grading: manual");
            }
            List<Node> entries = m.list("accept", true);
            if (entries != null) {
                for (Node entry : entries) {
                    AcceptedAnswer answer = readAccepted(entry, m);
                    if (answer != null) {
                        accept.add(answer);
                    }
                }
            }
        }
        return new ShortAnswerQuestion(id, points, prompt, figures, accept, manual, rubric,
                QuestionReader.solution(m), QuestionReader.solutionFigures(m));
    }

    private static AcceptedAnswer readAccepted(Node node, YamlMapping question) {
        YamlMapping m = YamlMapping.of(node, "an accept entry", question.where() + "accept: ", question.problems());
        if (m == null) {
            return null;
        }
        m.allowOnly(ACCEPT_FIELDS);
        List<String> kinds = KINDS.stream().filter(m::mentions).toList();
        if (kinds.size() != 1) {
            m.problem(m.line(), kinds.isEmpty()
                    // expr is named where it is of use: in a question with parameters
                    ? "an entry needs one of shape, number, " + (question.mentions("parameters") ? "expr, " : "")
                            + "text or regex"
                    : "an entry has " + String.join(" and ", kinds) + "; write one per entry");
            return null;
        }
        String kind = kinds.get(0);
        if (!kind.equals("number") && !kind.equals("expr") && (m.mentions("tolerance") || m.mentions("relative"))) {
            m.problem(m.lineOf(m.mentions("tolerance") ? "tolerance" : "relative"),
                    "\"tolerance\" and \"relative\" only apply to number and expr");
        }
        switch (kind) {
            case "shape":
                return shape(m);
            case "number":
                return number(m);
            case "expr":
                return expression(m);
            case "text": {
                String text = m.text("text", true);
                if (text != null && text.isBlank()) {
                    m.problem(m.value("text"), "\"text\" must not be blank");
                    return null;
                }
                return text == null ? null : new AcceptedAnswer.Text(text);
            }
            default:
                return regex(m);
        }
    }

    private static AcceptedAnswer shape(YamlMapping m) {
        List<Node> dims = m.list("shape", true);
        if (dims == null) {
            return null;
        }
        List<Integer> dimensions = new ArrayList<>();
        for (Node dim : dims) {
            Integer value = positiveInt(dim);
            if (value == null) {
                m.problem(dim, "\"shape\" must be a list of positive whole numbers such as [4, 4, 5]; "
                        + YamlMapping.describe(dim) + " is not one");
                return null;
            }
            dimensions.add(value);
        }
        return new AcceptedAnswer.Shape(dimensions);
    }

    private static Integer positiveInt(Node node) {
        if (!(node instanceof ScalarNode)) {
            return null;
        }
        try {
            int value = Integer.parseInt(((ScalarNode) node).getValue().trim());
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static AcceptedAnswer number(YamlMapping m) {
        BigDecimal value = m.number("number", true);
        BigDecimal tolerance = m.has("tolerance") ? m.number("tolerance", true) : BigDecimal.ZERO;
        Boolean relative = m.has("relative") ? m.bool("relative", true) : Boolean.FALSE;
        if (tolerance != null && tolerance.signum() < 0) {
            m.problem(m.value("tolerance"), "\"tolerance\" must not be negative (it is "
                    + tolerance.toPlainString() + ")");
            return null;
        }
        if (value == null || tolerance == null || relative == null) {
            return null;
        }
        return new AcceptedAnswer.Number(value, tolerance, relative);
    }

    /** An answer computed from the question's parameters; its names are checked once they are known. */
    private static AcceptedAnswer expression(YamlMapping m) {
        String text = m.text("expr", true);
        Tolerance tolerance = tolerance(m);
        if (text == null || tolerance == null) {
            return null;
        }
        try {
            return new AcceptedAnswer.Expression(QuizExpression.parse(text), tolerance.tolerance(), tolerance.relative());
        } catch (QuizExpression.InvalidExpression e) {
            m.problem(m.value("expr"), e.getMessage());
            return null;
        }
    }

    private record Tolerance(BigDecimal tolerance, boolean relative) {
    }

    /** The entry's tolerance and relative (zero and false when absent), or null after reporting a problem. */
    private static Tolerance tolerance(YamlMapping m) {
        BigDecimal tolerance = m.has("tolerance") ? m.number("tolerance", true) : BigDecimal.ZERO;
        Boolean relative = m.has("relative") ? m.bool("relative", true) : Boolean.FALSE;
        if (tolerance != null && tolerance.signum() < 0) {
            m.problem(m.value("tolerance"), "\"tolerance\" must not be negative (it is "
                    + tolerance.toPlainString() + ")");
            return null;
        }
        return tolerance == null || relative == null ? null : new Tolerance(tolerance, relative);
    }

    private static AcceptedAnswer regex(YamlMapping m) {
        String regex = m.text("regex", true);
        if (regex == null) {
            return null;
        }
        try {
            // RE2 has no backreferences or lookaround, so no pattern can make matching an answer slow
            return new AcceptedAnswer.Regex(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            m.problem(m.value("regex"), "regex \"" + regex + "\" does not compile (RE2 syntax): " + e.getDescription());
            return null;
        }
    }

    private static void readRubric(YamlMapping question, List<RubricItem> rubric) {
        List<Node> nodes = question.list("rubric", false);
        if (nodes == null) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (Node node : nodes) {
            YamlMapping m = YamlMapping.of(node, "a rubric item", question.where() + "rubric: ", question.problems());
            if (m == null) {
                continue;
            }
            String id = m.text("id", true);
            if (id != null) {
                if (!ids.add(id)) {
                    m.problem(m.value("id"), "rubric item id \"" + id + "\" appears twice");
                }
                m.where(question.where() + "rubric item " + id + ": ");
            }
            m.allowOnly(RUBRIC_FIELDS);
            BigDecimal points = m.number("points", true);
            String text = m.text("text", true);
            if (id != null && points != null && text != null) {
                rubric.add(new RubricItem(id, points, text.strip()));
            }
        }
    }
}
