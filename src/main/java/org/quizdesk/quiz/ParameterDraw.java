package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Draws the parameter values of a question (or group) for a seed and writes them into its texts and answers.
 * Each question and group draws from a stream of its own ({@code "parameters <id>"}), so adding a parameter to one
 * question leaves every other value of the version as it was. Seed 0 (the file's version, and attempts from
 * before parameters) takes each range's {@code from} and each list's first entry, then draws like any seed if
 * {@code where} refuses those.
 */
final class ParameterDraw {

    /** Draws a question may take to meet its {@code where}; a question that needs more is reported by validate. */
    static final int MAX_TRIES = 1000;

    private ParameterDraw() {
    }

    /** A question (or group) that cannot be drawn for a seed: its id, its parameters' line and why. */
    static final class Failure extends RuntimeException {

        final String itemId;
        final int line;

        Failure(String itemId, int line, String message) {
            super(message);
            this.itemId = itemId;
            this.line = line;
        }
    }

    /**
     * The item with its values written in (a group's parts too), recording each question's values (by name, as
     * shown) in {@code shown}. An item whose draw fails for this seed (validate reports that; a file that reached
     * students had none at seed 0) takes the seed-0 values, so a student always gets a question that works.
     */
    static Item apply(Quiz file, Item item, long seed, Map<String, Map<String, String>> shown) {
        try {
            return applyOrThrow(file, item, seed, shown);
        } catch (Failure e) {
            return applyOrThrow(file, item, StudentVersion.FILE_ORDER, shown);
        }
    }

    /** @throws Failure naming the question that cannot be drawn for this seed */
    static Item applyOrThrow(Quiz file, Item item, long seed, Map<String, Map<String, String>> shown) {
        Parameters own = file.parameters().get(item.id());
        if (item instanceof QuestionGroup group) {
            Map<String, Object> groupValues = own == null ? Map.of() : values(group.id(), own, Map.of(), seed);
            List<Question> parts = new ArrayList<>();
            for (Question part : group.parts()) {
                Parameters partOwn = file.parameters().get(part.id());
                parts.add(partOwn == null ? part : question(part, partOwn, values(part.id(), partOwn, groupValues, seed),
                        shown));
            }
            String prompt = own == null ? group.prompt() : fill(group.id(), own, group.prompt(), groupValues);
            return new QuestionGroup(group.id(), prompt, group.figures(), parts);
        }
        return own == null ? item : question((Question) item, own, values(item.id(), own, Map.of(), seed), shown);
    }

    /** The values for a seed: the group's, then the item's own in the file's order, meeting every condition. */
    static Map<String, Object> values(String itemId, Parameters parameters, Map<String, Object> inherited, long seed) {
        if (parameters.declared().isEmpty()) {
            return inherited;
        }
        SplittableRandom random = StudentVersion.random(seed, "parameters " + itemId);
        for (int tries = 0; tries < MAX_TRIES; tries++) {
            Map<String, Object> values = draw(itemId, parameters, inherited, random,
                    seed == StudentVersion.FILE_ORDER && tries == 0);
            if (values != null) {
                return values;
            }
        }
        throw new Failure(itemId, parameters.line(), "no draw of " + MAX_TRIES + " meets \"where\" ("
                + String.join("; ", parameters.where().stream().map(QuizExpression::text).toList()) + ")");
    }

    /** One draw, or null when a condition refuses it; conditions are checked as soon as their names have values. */
    private static Map<String, Object> draw(String itemId, Parameters parameters, Map<String, Object> inherited,
            SplittableRandom random, boolean firstValues) {
        Map<String, Object> values = new LinkedHashMap<>(inherited);
        Set<QuizExpression> checked = new HashSet<>();
        if (!meets(itemId, parameters, values, checked)) {
            return null;
        }
        for (Parameters.Parameter parameter : parameters.declared()) {
            Object value;
            if (parameter instanceof Parameters.Range range) {
                value = range.value(firstValues ? 0 : random.nextLong(range.count()));
            } else if (parameter instanceof Parameters.Choice choice) {
                value = choice.values().get(firstValues ? 0 : random.nextInt(choice.values().size()));
            } else {
                value = evaluate(itemId, parameters, ((Parameters.Computed) parameter).expression(), values,
                        "parameter " + parameter.name() + ": ");
            }
            values.put(parameter.name(), value);
            if (!meets(itemId, parameters, values, checked)) {
                return null;
            }
        }
        return values;
    }

    private static boolean meets(String itemId, Parameters parameters, Map<String, Object> values,
            Set<QuizExpression> checked) {
        Set<String> named = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        named.addAll(values.keySet());
        for (QuizExpression condition : parameters.where()) {
            if (checked.contains(condition) || !named.containsAll(condition.variables())) {
                continue;
            }
            checked.add(condition);
            Object result = evaluate(itemId, parameters, condition, values, "where: ");
            if (!(result instanceof Boolean)) {
                throw new Failure(itemId, parameters.line(), "where: \"" + condition.text() + "\" gives "
                        + QuizExpression.display(result) + ", not true or false");
            }
            if (!(Boolean) result) {
                return false;
            }
        }
        return true;
    }

    private static Object evaluate(String itemId, Parameters parameters, QuizExpression expression,
            Map<String, Object> values, String where) {
        try {
            return expression.evaluate(values);
        } catch (QuizExpression.InvalidExpression e) {
            throw new Failure(itemId, parameters.line(), where + e.getMessage() + " (" + described(values) + ")");
        }
    }

    private static Question question(Question question, Parameters parameters, Map<String, Object> values,
            Map<String, Map<String, String>> shown) {
        shown.put(question.id(), Collections.unmodifiableMap(shown(values)));
        String id = question.id();
        if (question instanceof TrueFalseQuestion tf) {
            return new TrueFalseQuestion(id, tf.points(), fill(id, parameters, tf.prompt(), values), tf.figures(),
                    tf.answer(), fill(id, parameters, tf.solution(), values), tf.solutionFigures());
        }
        if (question instanceof MultiSelectQuestion multi) {
            List<MultiSelectQuestion.Option> options = multi.options().stream()
                    .map(o -> new MultiSelectQuestion.Option(o.key(), fill(id, parameters, o.text(), values), o.correct(),
                            fill(id, parameters, o.solution(), values), o.fixed()))
                    .toList();
            return new MultiSelectQuestion(id, multi.points(), fill(id, parameters, multi.prompt(), values),
                    multi.figures(), options, multi.scoring(), multi.singleCorrect(), multi.penalty(),
                    fill(id, parameters, multi.solution(), values), multi.solutionFigures(), multi.shuffle());
        }
        ShortAnswerQuestion sa = (ShortAnswerQuestion) question;
        List<AcceptedAnswer> accept = new ArrayList<>();
        for (AcceptedAnswer accepted : sa.accept()) {
            accept.add(accepted(id, parameters, accepted, values));
        }
        return new ShortAnswerQuestion(id, sa.points(), fill(id, parameters, sa.prompt(), values), sa.figures(), accept,
                sa.manual(), sa.rubric(), fill(id, parameters, sa.solution(), values), sa.solutionFigures());
    }

    private static AcceptedAnswer accepted(String id, Parameters parameters, AcceptedAnswer accepted,
            Map<String, Object> values) {
        if (accepted instanceof AcceptedAnswer.Text text) {
            return new AcceptedAnswer.Text(fill(id, parameters, text.text(), values));
        }
        if (accepted instanceof AcceptedAnswer.Expression expression) {
            Object value = evaluate(id, parameters, expression.expression(), values, "accept: expr: ");
            if (!(value instanceof BigDecimal number)) {
                throw new Failure(id, parameters.line(), "accept: expr: \"" + expression.expression().text()
                        + "\" gives \"" + QuizExpression.display(value) + "\", not a number (" + described(values) + ")");
            }
            return new AcceptedAnswer.Number(number, expression.tolerance(), expression.relative());
        }
        return accepted;
    }

    private static String fill(String id, Parameters parameters, String text, Map<String, Object> values) {
        try {
            return Placeholders.fill(text, values, parameters.inline());
        } catch (QuizExpression.InvalidExpression e) {
            throw new Failure(id, parameters.line(), e.getMessage() + " (" + described(values) + ")");
        }
    }

    /** "x = 3, y = 0", for messages. */
    private static String described(Map<String, Object> values) {
        return String.join(", ", shown(values).entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList());
    }

    private static Map<String, String> shown(Map<String, Object> values) {
        Map<String, String> shown = new LinkedHashMap<>();
        values.forEach((name, value) -> shown.put(name, QuizExpression.display(value)));
        return shown;
    }
}
