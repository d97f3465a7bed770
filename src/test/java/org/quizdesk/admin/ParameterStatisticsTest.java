package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizFileReader;
import org.quizdesk.quiz.StudentVersion;

/** Facility by parameter value: listed per value, bucketed when many, flagged when one value is much harder. */
class ParameterStatisticsTest {

    private static final String QUIZ = """
            id: s
            title: S
            time_limit: 10m
            sections:
              - title: S
                questions:
                  - id: "1"
                    type: short_answer
                    points: 2
                    parameters:
                      act: [ReLU, tanh]
                      n: {from: 1, to: 100}
                    prompt: "{{act}} {{n}}"
                    accept:
                      - expr: "n"
                  - {id: "2", type: true_false, points: 1, prompt: Plain, answer: true}
            """;

    @Test
    void facilityIsListedPerListEntryAndBucketedForAWideRange() throws Exception {
        Quiz quiz = QuizFileReader.read("s.yaml", QUIZ);
        List<ParameterStatistics.Seeded> attempts = new ArrayList<>();
        for (long seed = 1; seed <= 200; seed++) {
            // everyone with tanh fails, everyone with ReLU gets full points
            boolean relu = StudentVersion.of(quiz, seed).values("1").get("act").equals("ReLU");
            attempts.add(new ParameterStatistics.Seeded(seed,
                    Map.of("1", relu ? new BigDecimal(2) : BigDecimal.ZERO, "2", BigDecimal.ONE)));
        }
        List<ParameterStatistics.ParameterFacility> stats = ParameterStatistics.of(quiz, attempts);

        assertThat(stats).extracting(ParameterStatistics.ParameterFacility::parameter).containsExactly("act", "n");
        ParameterStatistics.ParameterFacility act = stats.get(0);
        assertThat(act.values()).extracting(ParameterStatistics.ValueFacility::value).containsExactlyInAnyOrder("ReLU", "tanh");
        assertThat(act.values()).allSatisfy(v -> assertThat(v.facility().stripTrailingZeros().toPlainString())
                .isEqualTo(v.value().equals("ReLU") ? "1" : "0"));
        assertThat(act.values().stream().mapToInt(ParameterStatistics.ValueFacility::graded).sum()).isEqualTo(200);
        assertThat(act.uneven()).isTrue();

        ParameterStatistics.ParameterFacility n = stats.get(1);
        assertThat(n.values()).as("100 values in 5 ranges").hasSize(ParameterStatistics.BUCKETS);
        assertThat(n.values().get(0).value()).matches("[0-9.]+\u2013<[0-9.]+");
        assertThat(n.uneven()).as("n does not decide the score").isFalse();
    }

    @Test
    void aQuizWithoutParametersHasNone() throws Exception {
        Quiz quiz = QuizFileReader.read(java.nio.file.Path.of("quizzes/cse493g1-au24-quiz2.yaml"));
        assertThat(ParameterStatistics.of(quiz, List.of(new ParameterStatistics.Seeded(5, Map.of())))).isEmpty();
    }
}
