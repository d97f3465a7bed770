package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pools in the quiz format: read with their alternatives, and each kind of broken pool rejected with its line. */
class PoolQuizFileTest {

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
    void aPoolCountsPickTimesTheAlternativesPointsAndAllItsAlternativesAreTheFilesQuestions() throws Exception {
        Quiz quiz = QuizFileReader.read(FILE, HEADER + """
                      - {id: "1", type: true_false, points: 1, prompt: P, answer: true}
                      - pool: "2"
                        pick: 2
                        alternatives:
                          - {id: "2a", type: true_false, points: 2, prompt: A, answer: true}
                          - {id: "2b", type: short_answer, points: 2, prompt: B, accept: [{number: 4}]}
                          - id: "2c"
                            type: group
                            prompt: Stem
                            parts:
                              - {id: "2c.1", type: true_false, points: 1, prompt: C1, answer: true}
                              - {id: "2c.2", type: true_false, points: 1, prompt: C2, answer: false}
                """);

        Pool pool = quiz.pools().get(0);
        assertThat(pool.id()).isEqualTo("2");
        assertThat(pool.pick()).isEqualTo(2);
        assertThat(pool.alternatives()).extracting(Item::id).containsExactly("2a", "2b", "2c");
        assertThat(pool.points()).isEqualByComparingTo("4");
        assertThat(quiz.maxPoints()).as("1 + 2 × 2").isEqualByComparingTo(new BigDecimal("5"));
        assertThat(quiz.questions()).extracting(Question::id).containsExactly("1", "2a", "2b", "2c.1", "2c.2");
        assertThat(quiz.items()).extracting(Item::id).containsExactly("1", "2a", "2b", "2c");
    }

    @Test
    void pickIsRequiredAndAWholeNumberOfAtLeastOne() {
        assertThat(problems(HEADER + """
                      - pool: "1"
                        alternatives:
                          - {id: "1a", type: true_false, points: 1, prompt: A, answer: true}
                      - pool: "2"
                        pick: 0
                        alternatives:
                          - {id: "2a", type: true_false, points: 1, prompt: A, answer: true}
                      - pool: "3"
                        pick: 1.5
                        alternatives:
                          - {id: "3a", type: true_false, points: 1, prompt: A, answer: true}
                """)).containsExactly(
                FILE + ":7: pool 1: missing required field \"pick\"",
                FILE + ":11: pool 2: \"pick\" must be a whole number of at least 1 (it is 0)",
                FILE + ":15: pool 3: \"pick\" must be a whole number of at least 1 (it is 1.5)");
    }

    @Test
    void pickMayNotExceedTheAlternatives() {
        assertThat(problems(HEADER + """
                      - pool: "1"
                        pick: 3
                        alternatives:
                          - {id: "1a", type: true_false, points: 1, prompt: A, answer: true}
                          - {id: "1b", type: true_false, points: 1, prompt: B, answer: true}
                """)).containsExactly(FILE + ":8: pool 1: \"pick\" is 3, but the pool has only 2 alternatives");
    }

    @Test
    void everyAlternativeIsWorthTheSamePointsAndTheMessageNamesThePoolAndTheOddOneAtItsLine() {
        assertThat(problems(HEADER + """
                      - pool: "2.4"
                        pick: 1
                        alternatives:
                          - {id: "2.4a", type: true_false, points: 2, prompt: A, answer: true}
                          - {id: "2.4b", type: true_false, points: 2, prompt: B, answer: true}
                          - {id: "2.4c", type: true_false, points: 3, prompt: C, answer: true}
                """)).containsExactly(FILE + ":12: pool 2.4: alternative 2.4c is worth 3 points, but 2.4a is worth 2; "
                + "every alternative of a pool must be worth the same points, so that every student's quiz is worth the same");
    }

    @Test
    void idsAreUniqueAcrossTheQuizPoolsAndAlternativesIncluded() {
        assertThat(problems(HEADER + """
                      - {id: "1", type: true_false, points: 1, prompt: P, answer: true}
                      - pool: "2"
                        pick: 1
                        alternatives:
                          - {id: "1", type: true_false, points: 1, prompt: A, answer: true}
                          - {id: "2", type: true_false, points: 1, prompt: B, answer: true}
                """)).containsExactly(
                FILE + ":11: question id \"1\" appears twice (first at line 7)",
                FILE + ":12: question id \"2\" appears twice (first at line 8)");
    }

    @Test
    void noPoolInAPoolNorInAGroup() {
        assertThat(problems(HEADER + """
                      - pool: "1"
                        pick: 1
                        alternatives:
                          - {id: "1a", type: true_false, points: 1, prompt: A, answer: true}
                          - pool: "1b"
                            pick: 1
                            alternatives:
                              - {id: "1b1", type: true_false, points: 1, prompt: B, answer: true}
                      - id: "2"
                        type: group
                        prompt: Stem
                        parts:
                          - {pool: "2.1", pick: 1, alternatives: []}
                """)).containsExactly(
                FILE + ":11: pool 1b: a pool cannot be an alternative of another pool (pool 1)",
                FILE + ":19: pool 2.1: a pool cannot be a part of a group (put the group in the pool as an "
                        + "alternative instead)");
    }

    @Test
    void aPoolHasNoPointsOrShuffleOfItsOwnAndNeedsAlternatives() {
        assertThat(problems(HEADER + """
                      - pool: "1"
                        pick: 1
                        points: 2
                        shuffle: true
                        alternatives:
                          - {id: "1a", type: true_false, points: 2, prompt: A, answer: true}
                      - {pool: "2", pick: 1}
                """)).containsExactly(
                FILE + ":9: pool 1: a pool has no points of its own; give points to its alternatives "
                        + "(the pool is worth pick × their points)",
                FILE + ":10: pool 1: \"shuffle\" does not apply here: each student gets the pool's alternatives "
                        + "drawn from their version; \"shuffle\" on the section orders them with its other questions",
                FILE + ":13: pool 2: missing required field \"alternatives\"");
    }

    private static List<String> problems(String yaml) {
        QuizFileException e = catchThrowableOfType(QuizFileException.class, () -> QuizFileReader.read(FILE, yaml));
        assertThat(e).as("a broken file must be rejected").isNotNull();
        return e.problems().stream().map(QuizFileProblem::toString).toList();
    }
}
