package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each broken file is rejected as a whole, with the exact line and a message naming the field and question. */
class BrokenQuizFileTest {

    private static final String FILE = "quizzes/t.yaml";

    /** Lines 1-6; questions start at line 7. */
    private static final String HEADER = """
            id: t
            title: T
            time_limit: 30m
            sections:
              - title: S
                questions:
            """;

    @Test
    void duplicateQuestionIds() {
        assertThat(problems(HEADER + """
                      - {id: "1", type: true_false, points: 1, prompt: P, answer: true}
                      - {id: "1", type: true_false, points: 1, prompt: Q, answer: false}
                """)).containsExactly(FILE + ":8: question id \"1\" appears twice (first at line 7)");
    }

    @Test
    void duplicateIdBetweenAGroupPartAndAQuestion() {
        assertThat(problems(HEADER + """
                      - {id: "1.1", type: true_false, points: 1, prompt: P, answer: true}
                      - id: "2"
                        type: group
                        prompt: Stem
                        parts:
                          - {id: "1.1", type: short_answer, points: 2, prompt: P, accept: [{text: ReLU}]}
                """)).containsExactly(FILE + ":12: question id \"1.1\" appears twice (first at line 7)");
    }

    @Test
    void unknownType() {
        assertThat(problems(HEADER + """
                      - id: "1"
                        type: essay
                        points: 1
                        prompt: P
                """)).containsExactly(FILE
                + ":8: question 1: unknown type \"essay\" (known: true_false, multi_select, short_answer, group)");
    }

    @Test
    void missingAnswerOnTrueFalse() {
        assertThat(problems(HEADER + """
                      - id: "1.1"
                        type: true_false
                        points: 1
                        prompt: P
                """)).containsExactly(FILE + ":7: question 1.1: missing required field \"answer\"");
    }

    @Test
    void optionKeyDuplicated() {
        assertThat(problems(HEADER + """
                      - id: "2.1"
                        type: multi_select
                        points: 4
                        prompt: P
                        options:
                          - {key: A, text: a, correct: true}
                          - {key: E, text: e, correct: false}
                          - {key: E, text: f, correct: false}
                """)).containsExactly(FILE + ":14: question 2.1: option key \"E\" appears twice");
    }

    @Test
    void negativeAndQuarterPoints() {
        assertThat(problems(HEADER + """
                      - {id: "1", type: true_false, points: -1, prompt: P, answer: true}
                      - {id: "2", type: true_false, points: 0.25, prompt: P, answer: true}
                """)).containsExactly(
                FILE + ":7: question 1: \"points\" must not be negative (it is -1)",
                FILE + ":8: question 2: \"points\" must be a whole or half number (it is 0.25)");
    }

    @Test
    void pointsNotANumberAndAnswerNotABoolean() {
        assertThat(problems(HEADER + """
                      - {id: "1", type: true_false, points: two, prompt: P, answer: yes}
                """)).containsExactly(
                FILE + ":7: question 1: \"points\" must be a number, not \"two\"",
                FILE + ":7: question 1: \"answer\" must be true or false, not \"yes\"");
    }

    @Test
    void badYamlIndentationReportsSnakeYamlsLine() {
        List<QuizFileProblem> problems = exception("""
                id: t
                title: T
                time_limit: 30m
                sections:
                  - title: S
                    questions:
                      - id: "1"
                        type: true_false
                       points: 1
                """).problems();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(9);
        assertThat(problems.get(0).message()).isEqualTo("YAML syntax error, check the indentation and quotes here "
                + "and just above: expected <block end>, but found '<block mapping start>' "
                + "(while parsing a block collection started at line 7)");
    }

    @Test
    void unknownFieldWithSuggestion() {
        assertThat(problems(HEADER + """
                      - id: "1"
                        type: true_false
                        pionts: 1
                        prompt: P
                        answer: true
                """)).containsExactly(
                FILE + ":7: question 1: missing required field \"points\"",
                FILE + ":9: question 1: unknown field \"pionts\" (did you mean \"points\"?)");
    }

    @Test
    void unknownFieldAtTopLevelAndInSection() {
        assertThat(problems("""
                id: t
                title: T
                time_limit: 30m
                honour_code: x
                sections:
                  - title: S
                    recomended: 4m
                    questions:
                      - {id: "1", type: true_false, points: 1, prompt: P, answer: true}
                """)).containsExactly(
                FILE + ":4: unknown field \"honour_code\" (did you mean \"honor_code\"?)",
                FILE + ":7: section 1 (S): unknown field \"recomended\" (did you mean \"recommended\"?)");
    }

    @Test
    void badDuration() {
        assertThat(problems(HEADER.replace("30m", "30 minutes") + """
                      - {id: "1", type: true_false, points: 1, prompt: P, answer: true}
                """)).containsExactly(
                FILE + ":3: \"time_limit\" must be a duration such as 30m, 1h30m or 90s, not \"30 minutes\"");
    }

    @Test
    void correctMaybe() {
        assertThat(problems(HEADER + """
                      - id: "2.1"
                        type: multi_select
                        points: 4
                        prompt: P
                        options:
                          - {key: A, text: a, correct: true}
                          - {key: B, text: b, correct: maybe}
                """)).containsExactly(
                FILE + ":13: question 2.1: option B: \"correct\" must be true, false or either, not \"maybe\"");
    }

    @Test
    void multiSelectWithoutATrueOptionAndUnknownScoringRule() {
        assertThat(problems(HEADER + """
                      - id: "2.1"
                        type: multi_select
                        points: 4
                        scoring: partial
                        prompt: P
                        options:
                          - {key: A, text: a, correct: false}
                          - {key: B, text: b, correct: either}
                """)).containsExactly(
                FILE + ":10: question 2.1: unknown scoring rule \"partial\" in \"scoring\" (known: per_error, "
                        + "all_or_nothing, net_correct, coverage, each_answer)",
                FILE + ":12: question 2.1: no option is \"correct: true\"; a multi_select needs at least one");
    }

    @Test
    void regexThatDoesNotCompile() {
        assertThat(problems(HEADER + """
                      - id: "3.1"
                        type: short_answer
                        points: 2
                        prompt: P
                        accept:
                          - regex: "(relu"
                """)).containsExactly(
                FILE + ":12: question 3.1: accept: regex \"(relu\" does not compile (RE2 syntax): missing closing )");
    }

    @Test
    void regexWithABackreferenceIsRejectedSinceItCannotBeMatchedInLinearTime() {
        assertThat(problems(HEADER + """
                      - id: "3.1"
                        type: short_answer
                        points: 2
                        prompt: P
                        accept:
                          - regex: '(a+)\\1'
                """)).singleElement().asString()
                .startsWith(FILE + ":12: question 3.1: accept: regex \"(a+)\\1\" does not compile (RE2 syntax): ");
    }

    @Test
    void badAcceptEntries() {
        assertThat(problems(HEADER + """
                      - id: "3.1"
                        type: short_answer
                        points: 2
                        prompt: P
                        accept:
                          - shape: [4, 0, 5]
                          - {number: 0.25, tolerance: -0.1}
                          - {text: a, number: 1}
                          - {guess: a}
                """)).containsExactly(
                FILE + ":12: question 3.1: accept: \"shape\" must be a list of positive whole numbers such as "
                        + "[4, 4, 5]; \"0\" is not one",
                FILE + ":13: question 3.1: accept: \"tolerance\" must not be negative (it is -0.1)",
                FILE + ":14: question 3.1: accept: an entry has number and text; write one per entry",
                FILE + ":15: question 3.1: accept: unknown field \"guess\"",
                FILE + ":15: question 3.1: accept: an entry needs one of shape, number, text or regex");
    }

    @Test
    void shortAnswerNeedsAcceptUnlessManualAndRubricItemsNeedIdsPointsText() {
        assertThat(problems(HEADER + """
                      - {id: "3.1", type: short_answer, points: 2, prompt: P}
                      - id: "3.2"
                        type: short_answer
                        points: 2
                        grading: manual
                        prompt: P
                        rubric:
                          - {id: r1, points: 1, text: a}
                          - {id: r1, points: 1, text: b}
                          - {id: r2, text: c}
                """)).containsExactly(
                FILE + ":7: question 3.1: missing required field \"accept\"",
                FILE + ":15: question 3.2: rubric: rubric item id \"r1\" appears twice",
                FILE + ":16: question 3.2: rubric item r2: missing required field \"points\"");
    }

    @Test
    void groupWithPointsOfItsOwnOrWithoutParts() {
        assertThat(problems(HEADER + """
                      - id: "3.1"
                        type: group
                        points: 8
                        prompt: Stem
                        parts:
                          - {id: "3.1.1", type: short_answer, points: 2, prompt: P, accept: [{shape: [4, 7]}]}
                      - {id: "3.2", type: group, prompt: Stem, parts: []}
                """)).containsExactly(
                FILE + ":9: question 3.1: a group has no points of its own; give points to its parts "
                        + "(the group is worth their sum)",
                FILE + ":13: question 3.2: \"parts\" must not be empty");
    }

    @Test
    void idDoesNotMatchFileName() {
        assertThat(problems("quizzes/other.yaml", HEADER + """
                      - {id: "1", type: true_false, points: 1, prompt: P, answer: true}
                """)).containsExactly(
                "quizzes/other.yaml:1: quiz id \"t\" does not match the file name other.yaml "
                        + "(the file must be named t.yaml)");
    }

    @Test
    void quizIdNotASlug() {
        assertThat(problems("Quiz 2.yaml", HEADER.replace("id: t", "id: Quiz 2") + """
                      - {id: "1", type: true_false, points: 1, prompt: P, answer: true}
                """)).containsExactly("Quiz 2.yaml:1: quiz id \"Quiz 2\" must be a slug: lowercase letters, "
                + "digits and \"-\", starting with a letter or digit");
    }

    @Test
    void topLevelNotAMappingAndEmptyFile() {
        assertThat(problems("- just\n- a list\n"))
                .containsExactly(FILE + ":1: the file must be a mapping of fields (name: value), not a list");
        assertThat(problems("# nothing here\n")).containsExactly(FILE + ":1: the file is empty");
    }

    @Test
    void severalProblemsReportedAtOnceInFileOrder() {
        QuizFileException e = exception("""
                id: t
                title: T
                time_limit: soon
                sections:
                  - title: S
                    questions:
                      - {id: "1", type: true_false, points: 1, prompt: P, answer: maybe}
                      - {id: "2", type: multiple_choice, points: 1, prompt: P}
                      - {id: "3", type: true_false, points: 1, prompt: P, answer: true, answer: false}
                """);
        assertThat(e.problems()).extracting(QuizFileProblem::toString).containsExactly(
                FILE + ":3: \"time_limit\" must be a duration such as 30m, 1h30m or 90s, not \"soon\"",
                FILE + ":7: question 1: \"answer\" must be true or false, not \"maybe\"",
                FILE + ":8: question 2: unknown type \"multiple_choice\" (known: true_false, multi_select, "
                        + "short_answer, group)",
                FILE + ":9: question 3: field \"answer\" appears twice");
        assertThat(e.getMessage()).isEqualTo(String.join("\n",
                e.problems().stream().map(QuizFileProblem::toString).toList()));
    }

    @Test
    void missingTopLevelFieldsAreAllReported() {
        assertThat(problems("title: T\n")).containsExactly(
                FILE + ":1: missing required field \"id\"",
                FILE + ":1: missing required field \"time_limit\"",
                FILE + ":1: missing required field \"sections\"");
    }

    @Test
    void blankRequiredTextAndNestedGroup() {
        assertThat(problems(HEADER + """
                      - {id: "1", type: true_false, points: 1, prompt: "  ", answer: true}
                      - id: "2"
                        type: group
                        prompt: Stem
                        parts:
                          - {id: "2.1", type: group, prompt: Inner, parts: []}
                """)).containsExactly(
                FILE + ":7: question 1: \"prompt\" must not be empty",
                FILE + ":12: question 2.1: a group cannot be a part of another group");
    }

    @Test
    void aGoodFileStillLoadsAndNumbersAreExact() throws QuizFileException {
        Quiz quiz = QuizFileReader.read(FILE, HEADER + """
                      - {id: "1", type: true_false, points: 1.50, prompt: P, answer: true}
                      - {id: "2", type: short_answer, points: 1, prompt: P, accept: [{number: 0.1, tolerance: 5e-2, relative: true}]}
                """);
        assertThat(quiz.questions().get(0).points()).hasToString("1.50");
        assertThat(((ShortAnswerQuestion) quiz.questions().get(1)).accept())
                .containsExactly(new AcceptedAnswer.Number(new java.math.BigDecimal("0.1"),
                        new java.math.BigDecimal("5e-2"), true));
        assertThatThrownBy(() -> QuizFileReader.read(FILE, "id: [")).isInstanceOf(QuizFileException.class);
    }

    private static List<String> problems(String yaml) {
        return problems(FILE, yaml);
    }

    private static List<String> problems(String file, String yaml) {
        QuizFileException e = catchThrowableOfType(QuizFileException.class, () -> QuizFileReader.read(file, yaml));
        assertThat(e).as("a broken file must be rejected").isNotNull();
        return e.problems().stream().map(QuizFileProblem::toString).toList();
    }

    private static QuizFileException exception(String yaml) {
        QuizFileException e = catchThrowableOfType(QuizFileException.class, () -> QuizFileReader.read(FILE, yaml));
        assertThat(e).as("a broken file must be rejected").isNotNull();
        return e;
    }
}
