package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drawing a pool's alternatives: reproducible, uniform, k distinct ones, independent of the shuffles. */
class PoolDrawingTest {

    private static final String POOLS = """
            id: t
            title: T
            time_limit: 10m
            sections:
              - title: S
                shuffle: %s
                questions:
                  - {id: "1", type: true_false, points: 1, prompt: P1, answer: true}
                  - pool: "2"
                    pick: 1
                    alternatives:
                      - {id: "2a", type: true_false, points: 2, prompt: A, answer: true}
                      - {id: "2b", type: true_false, points: 2, prompt: B, answer: true}
                      - {id: "2c", type: true_false, points: 2, prompt: C, answer: true}
                      - {id: "2d", type: true_false, points: 2, prompt: D, answer: true}
                  - pool: "3"
                    pick: 2
                    alternatives:
                      - {id: "3a", type: true_false, points: 1, prompt: A, answer: true}
                      - {id: "3b", type: true_false, points: 1, prompt: B, answer: true}
                      - id: "3c"
                        type: group
                        prompt: Stem
                        parts:
                          - {id: "3c.1", type: true_false, points: 0.5, prompt: C1, answer: true}
                          - {id: "3c.2", type: true_false, points: 0.5, prompt: C2, answer: true}
                      - {id: "3d", type: true_false, points: 1, prompt: D, answer: true}
                      - {id: "3e", type: true_false, points: 1, prompt: E, answer: true}
            """;

    private static final Quiz QUIZ = read(POOLS.formatted("false"));
    private static final int SEEDS = 1000;
    /** The chi-square statistic with 3 degrees of freedom exceeds this with probability 0.001. */
    private static final double CHI_SQUARE_3_DF_999 = 16.27;
    /** ... and with 4 degrees of freedom. */
    private static final double CHI_SQUARE_4_DF_999 = 18.47;

    @Test
    void theSameSeedDrawsTheSameAlternativesAlsoFromTheFileReadAgain() {
        for (long seed = 1; seed <= 50; seed++) {
            assertThat(drawn(StudentVersion.of(QUIZ, seed))).isEqualTo(drawn(StudentVersion.of(QUIZ, seed)))
                    .isEqualTo(drawn(StudentVersion.of(read(POOLS.formatted("false")), seed)));
        }
    }

    @Test
    void seedZeroTakesEachPoolsFirstAlternativesInTheFilesOrder() {
        StudentVersion version = StudentVersion.of(QUIZ, StudentVersion.FILE_ORDER);
        assertThat(version.quiz().sections().get(0).items()).extracting(Item::id).containsExactly("1", "2a", "3a", "3b");
        assertThat(version.has("2a")).isTrue();
        assertThat(version.has("2b")).isFalse();
    }

    @Test
    void overAThousandSeedsEveryAlternativeIsDrawnAboutEquallyOften() {
        Map<String, Integer> pick1 = new HashMap<>();
        Map<String, Integer> pick2 = new HashMap<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            StudentVersion version = StudentVersion.of(QUIZ, seed);
            version.drawn(QUIZ.pools().get(0)).forEach(item -> pick1.merge(item.id(), 1, Integer::sum));
            version.drawn(QUIZ.pools().get(1)).forEach(item -> pick2.merge(item.id(), 1, Integer::sum));
        }
        assertThat(pick1).containsOnlyKeys("2a", "2b", "2c", "2d");
        assertThat(chiSquare(pick1, SEEDS / 4.0)).as("pick 1 of 4: %s", pick1).isLessThan(CHI_SQUARE_3_DF_999);
        assertThat(pick2).containsOnlyKeys("3a", "3b", "3c", "3d", "3e");
        // each alternative is in 2 of the 5 places' worth of draws: 1000 × 2 / 5
        assertThat(chiSquare(pick2, SEEDS * 2 / 5.0)).as("pick 2 of 5: %s", pick2).isLessThan(CHI_SQUARE_4_DF_999);
    }

    @Test
    void pickKDrawsKDistinctAlternativesInTheFilesOrderAndEveryPairComesUp() {
        Map<List<String>, Integer> pairs = new HashMap<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            List<String> drawn = StudentVersion.of(QUIZ, seed).drawn(QUIZ.pools().get(1)).stream().map(Item::id).toList();
            assertThat(drawn).hasSize(2).doesNotHaveDuplicates().isSorted();
            pairs.merge(drawn, 1, Integer::sum);
        }
        assertThat(pairs).as("5 choose 2").hasSize(10);
    }

    @Test
    void theVersionHoldsTheDrawnAlternativesInThePoolsPlaceAndTheQuizIsWorthTheFilesTotal() {
        for (long seed = 1; seed <= 100; seed++) {
            StudentVersion version = StudentVersion.of(QUIZ, seed);
            List<String> items = version.quiz().sections().get(0).items().stream().map(Item::id).toList();
            List<String> expected = new java.util.ArrayList<>(List.of("1"));
            expected.addAll(drawn(version));
            assertThat(items).isEqualTo(expected);
            assertThat(version.quiz().pools()).isEmpty();
            assertThat(version.quiz().maxPoints()).isEqualByComparingTo(QUIZ.maxPoints()).isEqualByComparingTo("5");
        }
    }

    @Test
    void addingAShuffleElsewhereChangesNoStudentsAlternativesAndTheSectionShuffleMixesThemWithTheRest() {
        Quiz shuffled = read(POOLS.formatted("true"));
        boolean mixed = false;
        for (long seed = 1; seed <= 200; seed++) {
            StudentVersion plain = StudentVersion.of(QUIZ, seed);
            StudentVersion version = StudentVersion.of(shuffled, seed);
            assertThat(drawn(version)).as("seed %d", seed).isEqualTo(drawn(plain));
            List<String> items = version.quiz().sections().get(0).items().stream().map(Item::id).toList();
            assertThat(items).containsExactlyInAnyOrderElementsOf(
                    plain.quiz().sections().get(0).items().stream().map(Item::id).toList());
            mixed |= !items.get(0).equals("1");
        }
        assertThat(mixed).as("the section's shuffle places drawn alternatives before question 1 sometimes").isTrue();
    }

    private static List<String> drawn(StudentVersion version) {
        return version.file().pools().stream().flatMap(pool -> version.drawn(pool).stream()).map(Item::id).toList();
    }

    private static double chiSquare(Map<String, Integer> counts, double expected) {
        return counts.values().stream().mapToDouble(observed -> Math.pow(observed - expected, 2) / expected).sum();
    }

    private static Quiz read(String yaml) {
        try {
            return QuizFileReader.read("quizzes/t.yaml", yaml);
        } catch (QuizFileException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }
}
