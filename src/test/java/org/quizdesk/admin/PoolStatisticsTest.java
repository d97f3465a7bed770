package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quizdesk.grading.AnswerSheet;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizFileException;
import org.quizdesk.quiz.QuizFileReader;

/** Each alternative of a pool measured among the attempts that drew it, and a markedly unfair pool flagged. */
class PoolStatisticsTest {

    private static final Quiz QUIZ = read("""
            id: t
            title: T
            time_limit: 10m
            sections:
              - title: S
                questions:
                  - {id: "1", type: true_false, points: 1, prompt: P1, answer: true}
                  - pool: "2"
                    pick: 1
                    alternatives:
                      - {id: "2a", type: true_false, points: 2, prompt: A, answer: true}
                      - {id: "2b", type: true_false, points: 2, prompt: B, answer: true}
                      - id: "2c"
                        type: group
                        prompt: Stem
                        parts:
                          - {id: "2c.1", type: true_false, points: 1, prompt: C1, answer: true}
                          - {id: "2c.2", type: true_false, points: 1, prompt: C2, answer: true}
            """);

    @Test
    void eachAlternativeCountsTheAttemptsThatDrewItAndItsFacilityAmongThem() {
        // 2a: 4 attempts, 3 full marks (facility 0.75); 2b: 2 attempts, none right; 2c: 2, one part right each
        List<QuizStatistics.Sample> samples = List.of(
                sample("3", "2a", "2"), sample("3", "2a", "2"), sample("3", "2a", "2"), sample("1", "2a", "0"),
                sample("1", "2b", "0"), sample("0", "2b", "0"),
                groupSample("2", "1", "0"), groupSample("1", "0", "1"));

        QuizStatistics.PoolStats pool = QuizStatistics.of(QUIZ, samples, 2).pools().get(0);

        assertThat(pool.id()).isEqualTo("2");
        assertThat(pool.alternatives()).extracting(QuizStatistics.AlternativeStats::id).containsExactly("2a", "2b", "2c");
        assertThat(pool.alternatives()).extracting(QuizStatistics.AlternativeStats::drawn).containsExactly(4, 2, 2);
        assertThat(pool.alternatives().get(0).facility()).isEqualByComparingTo("0.75");
        assertThat(pool.alternatives().get(1).facility()).isEqualByComparingTo("0");
        assertThat(pool.alternatives().get(2).facility()).as("a group: the sum of its parts").isEqualByComparingTo("0.5");
        assertThat(pool.alternatives().get(0).discrimination()).as("top 1 of 4 full, bottom 1 of 4 none")
                .isEqualByComparingTo("1");
        assertThat(pool.easiest().id()).isEqualTo("2a");
        assertThat(pool.hardest().id()).isEqualTo("2b");
        assertThat(pool.unfair()).isTrue();
    }

    @Test
    void aSkewedPoolIsFlaggedOnlyWithEnoughAttemptsPerAlternative() {
        List<QuizStatistics.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // 2a: 18 of 20 right (0.9); 2b: 12 of 20 right (0.6)
            samples.add(sample(i < 18 ? "3" : "1", "2a", i < 18 ? "2" : "0"));
            samples.add(sample(i < 12 ? "3" : "1", "2b", i < 12 ? "2" : "0"));
        }
        QuizStatistics.PoolStats flagged = QuizStatistics.of(QUIZ, samples, 20).pools().get(0);
        assertThat(flagged.unfair()).isTrue();
        assertThat(flagged.easiest().facility()).isEqualByComparingTo("0.9");
        assertThat(flagged.hardest().facility()).isEqualByComparingTo("0.6");

        QuizStatistics.PoolStats tooFew = QuizStatistics.of(QUIZ, samples, 21).pools().get(0);
        assertThat(tooFew.unfair()).isFalse();
        assertThat(tooFew.easiest()).isNull();
    }

    @Test
    void alternativesWithinTwoTenthsOfEachOtherAreNotFlagged() {
        List<QuizStatistics.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            samples.add(sample("3", "2a", i < 16 ? "2" : "0")); // 0.8
            samples.add(sample("3", "2b", i < 12 ? "2" : "0")); // 0.6: a spread of exactly 0.2
        }
        assertThat(QuizStatistics.of(QUIZ, samples, 20).pools().get(0).unfair()).isFalse();
    }

    @Test
    void anAlternativesQuestionRowCountsOnlyTheAttemptsThatDrewIt() {
        List<QuizStatistics.Sample> samples = List.of(sample("3", "2a", "2"), sample("1", "2b", "0"),
                new QuizStatistics.Sample(BigDecimal.ONE, Duration.ofMinutes(5), Map.of("1", BigDecimal.ONE),
                        new AnswerSheet(Map.of()), Set.of("2a")));
        QuizStatistics.QuestionStats a = QuizStatistics.of(QUIZ, samples).questions().stream()
                .filter(q -> q.id().equals("2a")).findFirst().orElseThrow();
        assertThat(a.graded()).isEqualTo(1);
        QuizStatistics.AlternativeStats alternative = QuizStatistics.of(QUIZ, samples).pools().get(0).alternatives().get(0);
        assertThat(alternative.drawn()).as("a pending answer was drawn too").isEqualTo(2);
    }

    private static QuizStatistics.Sample sample(String total, String alternative, String score) {
        return new QuizStatistics.Sample(new BigDecimal(total), Duration.ofMinutes(5),
                Map.of("1", BigDecimal.ONE, alternative, new BigDecimal(score)), new AnswerSheet(Map.of()));
    }

    private static QuizStatistics.Sample groupSample(String total, String part1, String part2) {
        return new QuizStatistics.Sample(new BigDecimal(total), Duration.ofMinutes(5),
                Map.of("2c.1", new BigDecimal(part1), "2c.2", new BigDecimal(part2)), new AnswerSheet(Map.of()));
    }

    private static Quiz read(String yaml) {
        try {
            return QuizFileReader.read("quizzes/t.yaml", yaml);
        } catch (QuizFileException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }
}
