package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of broken parameter is reported with its file, line and question, and for a seed where it fails. */
class ParameterValidationTest {

    /** A quiz whose one question (id 2.5, at line 7) has these lines, indented as its fields. */
    private static String quiz(String fields) {
        return """
                id: v
                title: V
                time_limit: 10m
                sections:
                  - title: S
                    questions:
                      - id: "2.5"
                        type: short_answer
                        points: 1
                """ + fields.stripIndent().lines().map(l -> "        " + l + "\n").reduce("", String::concat);
    }

    private static List<String> problems(String fields) {
        QuizFileException e = catchThrowableOfType(QuizFileException.class,
                () -> QuizFileReader.read("v.yaml", quiz(fields)));
        assertThat(e).as("the file is refused").isNotNull();
        return e.problems().stream().map(QuizFileProblem::toString).toList();
    }

    private static List<String> overSeeds(String fields) throws QuizFileException {
        return VersionCheck.check(QuizFileReader.read("v.yaml", quiz(fields)), VersionCheck.DEFAULT_SEEDS).stream()
                .map(QuizFileProblem::toString).toList();
    }

    @Test
    void anExpressionThatUsesAnUnknownName() {
        assertThat(problems("""
                parameters:
                  x: [1, 2]
                prompt: "{{x}}"
                accept:
                  - expr: "x * z"
                """)).containsExactly("v.yaml:13: question 2.5: accept: expr: \"x * z\" uses z, which is not a parameter (known: x)");
    }

    @Test
    void anExpressionThatDoesNotParse() {
        assertThat(problems("""
                parameters:
                  x: [1, 2]
                  y: "x * (2 +"
                prompt: "{{x}}"
                accept:
                  - number: 1
                """)).singleElement().asString()
                .startsWith("v.yaml:12: question 2.5: parameter y: \"x * (2 +\" is not an expression");
    }

    @Test
    void aPlaceholderWithNoValue() {
        assertThat(problems("""
                parameters:
                  x: [1, 2]
                prompt: "What is {{x}} times {{y}}?"
                accept:
                  - expr: "x"
                """)).containsExactly("v.yaml:7: question 2.5: placeholder {{y}} has no value: no parameter is named y (known: x)");
    }

    @Test
    void aWhereThatNoDrawMeets() {
        assertThat(problems("""
                parameters:
                  x: {from: 1, to: 5}
                where:
                  - "x > 5"
                prompt: "{{x}}"
                accept:
                  - expr: "x"
                """)).containsExactly("v.yaml:11: question 2.5: with seed 0: no draw of 1000 meets \"where\" (x > 5)");
    }

    @Test
    void anExpressionThatDividesByZeroForSomeSeeds() throws Exception {
        assertThat(overSeeds("""
                parameters:
                  x: {from: 1, to: 9}
                prompt: "What is 1 / ({{x}} - 3)?"
                accept:
                  - expr: "1 / (x - 3)"
                    tolerance: 0.01
                """)).singleElement().asString()
                .startsWith("v.yaml:11: question 2.5: with seed ")
                .contains(": accept: expr: \"1 / (x - 3)\" cannot be evaluated: Division by zero (x = 3)")
                .matches(".*\\(fails for \\d+ of 1000 seeds\\)");
    }

    @Test
    void aWhereThatExcludesTheBadDrawsFixesIt() throws Exception {
        assertThat(overSeeds("""
                parameters:
                  x: {from: 1, to: 9}
                where:
                  - "x != 3"
                prompt: "What is 1 / ({{x}} - 3)?"
                accept:
                  - expr: "1 / (x - 3)"
                    tolerance: 0.01
                """)).isEmpty();
    }

    @Test
    void aComputedAnswerThatIsNotANumber() {
        assertThat(problems("""
                parameters:
                  act: [ReLU, tanh]
                prompt: "{{act}}"
                accept:
                  - expr: "act"
                """)).singleElement().asString()
                .isEqualTo("v.yaml:11: question 2.5: with seed 0: accept: expr: \"act\" gives \"ReLU\", not a number "
                        + "(act = ReLU)");
    }

    @Test
    void anAcceptEntryWithoutAKindNamesExprInAQuestionWithParameters() {
        assertThat(problems("""
                parameters:
                  x: [1, 2]
                prompt: "{{x}}"
                accept:
                  - {guess: 1}
                """)).contains("v.yaml:14: question 2.5: accept: an entry needs one of shape, number, expr, text or regex");
    }

    @Test
    void aBadRangeAndATwiceDeclaredName() {
        assertThat(problems("""
                parameters:
                  x: {from: 5, to: 1}
                  y: {from: 1, to: 2, step: 0}
                  X: [1]
                prompt: "{{x}}"
                accept:
                  - number: 1
                """)).containsExactly(
                "v.yaml:11: question 2.5: parameter x: \"to\" (1) is below \"from\" (5)",
                "v.yaml:12: question 2.5: parameter y: \"step\" must be more than 0 (it is 0)",
                "v.yaml:13: question 2.5: parameter X: declared twice (names do not tell case apart)");
    }

    @Test
    void withoutParametersDoubleBracesAreLeftAloneAndWhereIsAMistake() throws Exception {
        Quiz quiz = QuizFileReader.read("v.yaml", quiz("""
                prompt: "LaTeX: $\\\\frac{{a}}{b}$"
                accept:
                  - number: 1
                """));
        assertThat(StudentVersion.of(quiz, 42).quiz().question("2.5").orElseThrow().prompt()).contains("{{a}}");
        assertThat(problems("""
                where:
                  - "1 > 0"
                prompt: P
                accept:
                  - number: 1
                """)).containsExactly("v.yaml:10: question 2.5: \"where\" needs \"parameters\" to speak of");
    }
}
