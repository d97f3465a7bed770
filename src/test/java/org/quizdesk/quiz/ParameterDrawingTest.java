package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parameter values: reproducible from the seed, spread evenly, always meeting "where", written into the texts. */
class ParameterDrawingTest {

    static final String QUIZ = """
            id: p
            title: P
            time_limit: 10m
            sections:
              - title: S
                questions:
                  - id: "1"
                    type: short_answer
                    points: 2
                    parameters:
                      a: {from: 2, to: 9}
                      b: {from: 0.5, to: 1.5, step: 0.1}
                      act: [ReLU, tanh, sigmoid, GELU]
                      area: "a * b"
                    where:
                      - "a * b > 3"
                    prompt: "{{act}}: a = {{a}}, b = {{b}}; a times b is {{= a * b}}"
                    accept:
                      - expr: "area"
                      - text: "{{act}}"
                  - id: g
                    type: group
                    parameters:
                      n: [4, 8, 16]
                    prompt: "A layer of width {{n}}."
                    parts:
                      - id: g.1
                        type: short_answer
                        points: 1
                        prompt: "Twice {{n}}?"
                        accept:
                          - expr: "2 * n"
                      - id: g.2
                        type: multi_select
                        points: 1
                        parameters:
                          k: [1, 2]
                        prompt: "Which is {{n}} plus {{k}}?"
                        options:
                          - {key: A, text: "{{= n + k}}", correct: true}
                          - {key: B, text: "{{= n + k + 1}}", correct: false}
            """;

    static Quiz quiz() throws QuizFileException {
        return QuizFileReader.read("p.yaml", QUIZ);
    }

    @Test
    void theSameSeedGivesTheSameValuesAndTexts() throws Exception {
        for (long seed : new long[] {1, 42, -7, Long.MAX_VALUE}) {
            StudentVersion one = StudentVersion.of(quiz(), seed);
            StudentVersion two = StudentVersion.of(quiz(), seed);
            assertThat(one.values("1")).isEqualTo(two.values("1")).containsOnlyKeys("a", "b", "act", "area");
            assertThat(one.quiz().sections()).isEqualTo(two.quiz().sections());
        }
        Set<Map<String, String>> distinct = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            distinct.add(StudentVersion.of(quiz(), seed).values("1"));
        }
        assertThat(distinct).as("twenty students, (nearly) twenty versions").hasSizeGreaterThan(15);
    }

    @Test
    void theValuesAreWrittenIntoTheTextsAndTheAnswersAreComputedExactly() throws Exception {
        StudentVersion version = StudentVersion.of(quiz(), 42);
        Map<String, String> values = version.values("1");
        ShortAnswerQuestion question = (ShortAnswerQuestion) version.quiz().question("1").orElseThrow();
        BigDecimal area = new BigDecimal(values.get("a")).multiply(new BigDecimal(values.get("b")));
        assertThat(question.prompt()).isEqualTo(values.get("act") + ": a = " + values.get("a") + ", b = "
                + values.get("b") + "; a times b is " + QuizExpression.display(area));
        assertThat(question.accept()).containsExactly(new AcceptedAnswer.Number(area, BigDecimal.ZERO, false),
                new AcceptedAnswer.Text(values.get("act")));
        assertThat(values.get("b")).as("a decimal step is exact").matches("0\\.[5-9]|1(\\.[0-5])?");
    }

    @Test
    void aGroupsPartsShareItsValuesAndAPartAddsItsOwn() throws Exception {
        for (long seed = 1; seed <= 30; seed++) {
            StudentVersion version = StudentVersion.of(quiz(), seed);
            String n = version.values("g.1").get("n");
            QuestionGroup group = (QuestionGroup) version.quiz().sections().get(0).items().get(1);
            assertThat(group.prompt()).isEqualTo("A layer of width " + n + ".");
            assertThat(version.values("g.2")).containsEntry("n", n).containsKey("k");
            int k = Integer.parseInt(version.values("g.2").get("k"));
            MultiSelectQuestion part = (MultiSelectQuestion) version.quiz().question("g.2").orElseThrow();
            assertThat(part.options().get(0).text()).isEqualTo(String.valueOf(Integer.parseInt(n) + k));
            assertThat(((ShortAnswerQuestion) version.quiz().question("g.1").orElseThrow()).accept())
                    .containsExactly(new AcceptedAnswer.Number(new BigDecimal(2 * Integer.parseInt(n)), BigDecimal.ZERO, false));
        }
    }

    @Test
    void everyDrawMeetsWhere() throws Exception {
        Quiz quiz = quiz();
        for (long seed : VersionCheck.seeds(1000)) {
            Map<String, String> values = StudentVersion.of(quiz, seed).values("1");
            assertThat(new BigDecimal(values.get("a")).multiply(new BigDecimal(values.get("b"))))
                    .as("seed %d", seed).isGreaterThan(new BigDecimal(3));
        }
    }

    @Test
    void aThousandSeedsCoverAListsValuesEvenly() throws Exception {
        Quiz quiz = quiz();
        Map<String, Integer> counts = new HashMap<>();
        for (long seed : VersionCheck.seeds(1000)) {
            counts.merge(StudentVersion.of(quiz, seed).values("1").get("act"), 1, Integer::sum);
        }
        assertThat(counts).containsOnlyKeys("ReLU", "tanh", "sigmoid", "GELU");
        // chi-square with 3 degrees of freedom: 11.34 is the 1% critical value (the seeds are fixed, so this is stable)
        double expected = 1000 / 4.0;
        double chiSquare = counts.values().stream().mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
        assertThat(chiSquare).isLessThan(11.34);
    }

    @Test
    void seedZeroTakesTheFirstValuesUnlessWhereRefusesThem() throws Exception {
        StudentVersion file = StudentVersion.of(quiz(), StudentVersion.FILE_ORDER);
        // a = 2, b = 0.5 gives 1, which "a * b > 3" refuses: seed 0 then draws like any seed, the same every time
        assertThat(file.values("1")).isEqualTo(StudentVersion.of(quiz(), StudentVersion.FILE_ORDER).values("1"));
        assertThat(new BigDecimal(file.values("1").get("a")).multiply(new BigDecimal(file.values("1").get("b"))))
                .isGreaterThan(new BigDecimal(3));
        assertThat(file.values("g.1")).containsExactly(Map.entry("n", "4"));
        assertThat(file.values("g.2")).containsExactly(Map.entry("n", "4"), Map.entry("k", "1"));
    }

    @Test
    void aQuizWithoutParametersIsUnchangedAndHasNoValues() throws Exception {
        Quiz seedQuiz = QuizFileReader.read(Path.of("quizzes/cse493g1-au24-quiz2.yaml"));
        assertThat(seedQuiz.parameters()).isEmpty();
        assertThat(StudentVersion.of(seedQuiz, StudentVersion.FILE_ORDER).quiz()).isSameAs(seedQuiz);
        assertThat(StudentVersion.of(seedQuiz, 42).values("3.1.1")).isEmpty();
    }

    @Test
    void theExampleQuizDrawsItsLayerAndSeedZeroKeepsTheOldNumbers() throws Exception {
        Quiz example = QuizFileReader.read(Path.of("quizzes/shuffle-example.yaml"));
        StudentVersion file = StudentVersion.of(example, StudentVersion.FILE_ORDER);
        assertThat(file.values("2.3")).containsExactly(Map.entry("inputs", "10"), Map.entry("outputs", "5"),
                Map.entry("weights", "50"));
        assertThat(((ShortAnswerQuestion) file.quiz().question("2.3").orElseThrow()).prompt())
                .contains("from 10 inputs to 5 outputs");
        assertThat(VersionCheck.check(example, VersionCheck.DEFAULT_SEEDS)).isEmpty();
    }
}
