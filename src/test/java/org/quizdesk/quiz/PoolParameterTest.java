package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pools and parameters together: a pool's alternative may draw values, and validate checks it over many seeds. */
class PoolParameterTest {

    private static final String QUIZ = """
            id: p
            title: P
            time_limit: 10m
            sections:
              - title: S
                questions:
                  - pool: "1.1"
                    pick: 1
                    alternatives:
                      - id: "1.1a"
                        type: short_answer
                        points: 2
                        parameters:
                          x: [2, 3, 4]
                        prompt: "What is 12 / ({{x}} - %s)?"
                        accept:
                          - expr: "12 / (x - %s)"
                      - id: "1.1b"
                        type: short_answer
                        points: 2
                        prompt: What is 2 + 2?
                        accept:
                          - number: 4
            """;

    @Test
    void aDrawnAlternativeCarriesItsOwnValuesAndKey() throws QuizFileException {
        Quiz file = QuizFileReader.read("p.yaml", QUIZ.formatted("1", "1"));
        Set<String> prompts = new HashSet<>();
        for (long seed = 1; seed <= 200; seed++) {
            StudentVersion version = StudentVersion.of(file, seed);
            if (version.has("1.1a")) {
                ShortAnswerQuestion question = (ShortAnswerQuestion) version.quiz().question("1.1a").orElseThrow();
                prompts.add(question.prompt());
                String x = version.values("1.1a").get("x");
                assertThat(question.prompt()).isEqualTo("What is 12 / (" + x + " - 1)?");
            } else {
                assertThat(version.has("1.1b")).isTrue();
                assertThat(version.values("1.1a")).isEmpty();
            }
        }
        assertThat(prompts).as("every value is drawn for some student").hasSize(3);
        assertThat(VersionCheck.check(file, 1000)).isEmpty();
    }

    @Test
    void validateDrawsThePoolsAlternativesToo() throws QuizFileException {
        // x = 3 divides by zero: only students who draw 1.1a, and of those a third, would meet it
        Quiz file = QuizFileReader.read("p.yaml", QUIZ.formatted("3", "3"));
        assertThat(VersionCheck.check(file, 1000)).singleElement().asString()
                .startsWith("p.yaml:").contains("question 1.1a: with seed ").contains("Division by zero");
    }
}
