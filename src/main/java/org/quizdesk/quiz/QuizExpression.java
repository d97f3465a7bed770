package org.quizdesk.quiz;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.config.MapBasedFunctionDictionary;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.FunctionIfc;
import com.ezylang.evalex.functions.basic.AbsFunction;
import com.ezylang.evalex.functions.basic.CeilingFunction;
import com.ezylang.evalex.functions.basic.FactFunction;
import com.ezylang.evalex.functions.basic.FloorFunction;
import com.ezylang.evalex.functions.basic.IfFunction;
import com.ezylang.evalex.functions.basic.Log10Function;
import com.ezylang.evalex.functions.basic.LogFunction;
import com.ezylang.evalex.functions.basic.MaxFunction;
import com.ezylang.evalex.functions.basic.MinFunction;
import com.ezylang.evalex.functions.basic.NotFunction;
import com.ezylang.evalex.functions.basic.RoundFunction;
import com.ezylang.evalex.functions.basic.SqrtFunction;
import com.ezylang.evalex.functions.trigonometric.AcosFunction;
import com.ezylang.evalex.functions.trigonometric.AsinFunction;
import com.ezylang.evalex.functions.trigonometric.AtanFunction;
import com.ezylang.evalex.functions.trigonometric.CosFunction;
import com.ezylang.evalex.functions.trigonometric.CosRFunction;
import com.ezylang.evalex.functions.trigonometric.SinFunction;
import com.ezylang.evalex.functions.trigonometric.SinRFunction;
import com.ezylang.evalex.functions.trigonometric.TanFunction;
import com.ezylang.evalex.functions.trigonometric.TanRFunction;
import com.ezylang.evalex.parser.ParseException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An expression of a quiz file ({@code "x * y / 2"}, {@code "x != y"}), parsed once when the file is read and
 * evaluated with EvalEx in exact decimals: numbers are BigDecimal throughout, rounded only where a result has more
 * than {@link #MATH}'s 34 significant digits (2/3), never through a double. Plain Java, no Spring.
 *
 * <p>The functions are a fixed, documented list (docs/quiz-format.md): no RANDOM (a version must be re-derivable
 * from its seed) and no date functions (a value must not depend on when it is drawn).
 */
public final class QuizExpression {

    /**
     * 34 significant digits (decimal128's), rounding half up as students round by hand (ROUND(2.5, 0) is 3).
     * Chosen once for every expression of every quiz.
     */
    static final MathContext MATH = new MathContext(34, RoundingMode.HALF_UP);

    private static final Map<String, FunctionIfc> FUNCTIONS = Map.ofEntries(
            Map.entry("ABS", new AbsFunction()), Map.entry("CEILING", new CeilingFunction()),
            Map.entry("FLOOR", new FloorFunction()), Map.entry("ROUND", new RoundFunction()),
            Map.entry("SQRT", new SqrtFunction()), Map.entry("LOG", new LogFunction()),
            Map.entry("LOG10", new Log10Function()), Map.entry("MIN", new MinFunction()),
            Map.entry("MAX", new MaxFunction()), Map.entry("IF", new IfFunction()),
            Map.entry("NOT", new NotFunction()), Map.entry("FACT", new FactFunction()),
            Map.entry("SIN", new SinFunction()), Map.entry("COS", new CosFunction()),
            Map.entry("TAN", new TanFunction()), Map.entry("ASIN", new AsinFunction()),
            Map.entry("ACOS", new AcosFunction()), Map.entry("ATAN", new AtanFunction()),
            Map.entry("SINR", new SinRFunction()), Map.entry("COSR", new CosRFunction()),
            Map.entry("TANR", new TanRFunction()));

    /** Names an expression may use without declaring them. */
    static final Set<String> CONSTANTS = Set.of("PI", "E", "TRUE", "FALSE");

    private static final ExpressionConfiguration CONFIGURATION = configuration();

    private final String text;
    private final Expression parsed;
    private final Set<String> variables;

    private QuizExpression(String text, Expression parsed, Set<String> variables) {
        this.text = text;
        this.parsed = parsed;
        this.variables = variables;
    }

    /** @throws InvalidExpression with a message for the file's author when the text is not an expression */
    static QuizExpression parse(String text) {
        Expression expression = new Expression(text, CONFIGURATION);
        try {
            expression.validate();
            Set<String> variables = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            variables.addAll(expression.getUsedVariables());
            variables.removeIf(CONSTANTS::contains);
            return new QuizExpression(text, expression, Set.copyOf(variables));
        } catch (ParseException e) {
            throw new InvalidExpression("\"" + text + "\" is not an expression: " + e.getMessage());
        } catch (RuntimeException e) {
            // EvalEx reports some malformed input (an unclosed string) with unchecked exceptions
            throw new InvalidExpression("\"" + text + "\" is not an expression: " + e.getMessage());
        }
    }

    public String text() {
        return text;
    }

    /** The parameter names it uses, without the constants. */
    Set<String> variables() {
        return variables;
    }

    /**
     * The value for these parameter values: a BigDecimal, a String or a Boolean.
     *
     * @param values by name: BigDecimal or String
     * @throws InvalidExpression when it cannot be evaluated (division by zero, the square root of a negative number)
     */
    Object evaluate(Map<String, Object> values) {
        try {
            // a copy shares the parsed tree and has its own variables, so one parsed expression serves every thread
            Expression copy = parsed.copy();
            values.forEach(copy::with);
            EvaluationValue value = copy.evaluate();
            if (value.isBooleanValue()) {
                return value.getBooleanValue();
            }
            if (value.isNumberValue()) {
                return value.getNumberValue();
            }
            if (value.isStringValue()) {
                return value.getStringValue();
            }
            throw new InvalidExpression("\"" + text + "\" gives " + value.getDataType() + ", not a number, text or "
                    + "true/false");
        } catch (EvaluationException e) {
            throw new InvalidExpression("\"" + text + "\" cannot be evaluated: " + e.getMessage());
        } catch (ParseException e) {
            throw new InvalidExpression("\"" + text + "\" is not an expression: " + e.getMessage());
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new InvalidExpression("\"" + text + "\" cannot be evaluated: " + e.getMessage());
        }
    }

    /** How a value is written into a question: numbers as plain decimals without trailing zeros. */
    static String display(Object value) {
        if (value instanceof BigDecimal number) {
            BigDecimal stripped = number.stripTrailingZeros();
            return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return text;
    }

    private static ExpressionConfiguration configuration() {
        MapBasedFunctionDictionary functions = new MapBasedFunctionDictionary();
        FUNCTIONS.forEach(functions::addFunction);
        Map<String, EvaluationValue> constants = Map.of(
                "PI", ExpressionConfiguration.StandardConstants.get("PI"),
                "E", ExpressionConfiguration.StandardConstants.get("E"),
                "TRUE", ExpressionConfiguration.StandardConstants.get("TRUE"),
                "FALSE", ExpressionConfiguration.StandardConstants.get("FALSE"));
        return ExpressionConfiguration.builder()
                .mathContext(MATH)
                .functionDictionary(functions)
                .defaultConstants(constants)
                .arraysAllowed(false)
                .structuresAllowed(false)
                .implicitMultiplicationAllowed(false)
                .build();
    }

    /** An expression that cannot be read or evaluated; the message is written for the file's author. */
    public static final class InvalidExpression extends RuntimeException {

        InvalidExpression(String message) {
            super(message);
        }
    }
}
