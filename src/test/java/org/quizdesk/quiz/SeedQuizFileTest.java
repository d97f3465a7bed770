package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The first real quiz file encodes the seed completely (totals, key, solutions, figure placeholders). */
class SeedQuizFileTest {

    private static final Path FILE = Path.of("quizzes/cse493g1-au24-quiz2.yaml");
    private static Quiz quiz;

    @BeforeAll
    static void load() throws QuizFileException {
        quiz = QuizFileReader.read(FILE);
    }

    @Test
    void headerFields() {
        assertThat(quiz.id()).isEqualTo("cse493g1-au24-quiz2");
        assertThat(quiz.course()).isEqualTo("CSE 493 G1 / 599 G1 Deep Learning, Autumn 2024");
        assertThat(quiz.date()).isEqualTo("2024-10-25");
        assertThat(quiz.timeLimit()).isEqualTo(Duration.ofMinutes(30));
        assertThat(quiz.honorCode()).isEqualTo(
                "I agree to uphold the University of Washington Student Conduct Code during this exam.");
        assertThat(quiz.instructions()).startsWith("Welcome to the CSE 493 G1 Quiz 2!").contains("Good luck!");
        assertThat(quiz.sourceFile()).isEqualTo(FILE.toString());
    }

    @Test
    void sectionsTotalsAndRecommendedTimes() {
        assertThat(quiz.sections()).extracting(Section::title)
                .containsExactly("True / False", "Multiple Choices", "Short Answers");
        assertThat(quiz.sections()).extracting(Section::points)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(BigDecimal.valueOf(4), BigDecimal.valueOf(8), BigDecimal.valueOf(8));
        assertThat(quiz.sections()).extracting(Section::recommended)
                .containsExactly(Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(8));
        assertThat(quiz.maxPoints()).isEqualByComparingTo("20");
        assertThat(quiz.sections().get(1).scoring()).contains("2-point deduction (up to 4 points)");
    }

    @Test
    void tenLeafQuestionsInOrder() {
        assertThat(quiz.questions()).extracting(Question::id).containsExactly(
                "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1.1", "3.1.2", "3.1.3", "3.1.4");
    }

    @Test
    void trueFalseKey() {
        assertThat(List.of("1.1", "1.2", "1.3", "1.4")).extracting(id -> ((TrueFalseQuestion) q(id)).answer())
                .containsExactly(false, false, false, true);
        assertThat(q("1.3").prompt()).contains("$W \\times H \\times C$");
    }

    @Test
    void multiSelectKeyScoringAndOptionSolutions() {
        MultiSelectQuestion q21 = (MultiSelectQuestion) q("2.1");
        MultiSelectQuestion q22 = (MultiSelectQuestion) q("2.2");
        assertThat(q21.options()).extracting(MultiSelectQuestion.Option::correct).containsExactly(
                MultiSelectQuestion.Correctness.TRUE, MultiSelectQuestion.Correctness.FALSE,
                MultiSelectQuestion.Correctness.TRUE, MultiSelectQuestion.Correctness.FALSE);
        assertThat(q22.options()).extracting(MultiSelectQuestion.Option::correct).containsExactly(
                MultiSelectQuestion.Correctness.TRUE, MultiSelectQuestion.Correctness.EITHER,
                MultiSelectQuestion.Correctness.TRUE, MultiSelectQuestion.Correctness.FALSE);
        for (MultiSelectQuestion q : List.of(q21, q22)) {
            assertThat(q.points()).isEqualByComparingTo("4");
            assertThat(q.scoring()).isEqualTo(MultiSelectScoring.PER_ERROR);
            assertThat(q.singleCorrect()).isEqualTo(MultiSelectScoring.ALL_OR_NOTHING);
            assertThat(q.penalty()).isEqualByComparingTo("2");
            assertThat(q.options()).allSatisfy(o -> assertThat(o.solution()).isNotBlank());
        }
        assertThat(q21.option("A").orElseThrow().solution())
                .contains("\\mu_2 = 2\\mu_1").contains("$$B_2 = (2A_1 - 2\\mu_1)/(2\\sigma_1) = (A_1 - \\mu_1)/\\sigma_1$$");
        assertThat(q22.option("C").orElseThrow().solution()).contains("(plus $\\epsilon$)");
        assertThat(q22.option("D").orElseThrow().solution()).contains("constant at each time step: $-\\eta g$.");
    }

    @Test
    void shortAnswerShapes() {
        assertThat(((ShortAnswerQuestion) q("3.1.1")).accept()).containsExactly(new AcceptedAnswer.Shape(List.of(4, 4, 5)));
        assertThat(((ShortAnswerQuestion) q("3.1.2")).accept()).containsExactly(new AcceptedAnswer.Shape(List.of(4, 7)));
        assertThat(((ShortAnswerQuestion) q("3.1.3")).accept()).containsExactly(new AcceptedAnswer.Shape(List.of(4, 7)));
    }

    @Test
    void manualQuestionWithRubricSummingToItsPoints() {
        ShortAnswerQuestion q = (ShortAnswerQuestion) q("3.1.4");
        assertThat(q.manual()).isTrue();
        assertThat(q.accept()).isEmpty();
        assertThat(q.rubric()).extracting(RubricItem::id)
                .containsExactly("stride-4", "blind-activations", "network-1-receptive-field");
        assertThat(q.rubric().stream().map(RubricItem::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(q.points()).isEqualByComparingTo("2");
        assertThat(q.figures()).singleElement().satisfies(f -> assertThat(f.file()).isNull());
        assertThat(q.solution()).contains("1 conv with stride 4");
        assertThat(q.solutionFigures()).singleElement()
                .satisfies(f -> assertThat(f.file()).isNull())
                .satisfies(f -> assertThat(f.description()).startsWith("Sketch"));
    }

    @Test
    void groupHasTheNetworksFigurePlaceholder() {
        QuestionGroup group = (QuestionGroup) quiz.sections().get(2).items().get(0);
        assertThat(group.id()).isEqualTo("3.1");
        assertThat(group.points()).isEqualByComparingTo("8");
        assertThat(group.figures()).singleElement().satisfies(f -> {
            assertThat(f.file()).isNull();
            assertThat(f.description()).contains("Network 1 and Network 2").contains("activations A, B, C, D and E");
        });
        assertThat(MissingFigures.of(FILE, quiz)).as("networks diagram, images A and B, the solution sketch").hasSize(3);
    }

    private static Question q(String id) {
        return quiz.question(id).orElseThrow();
    }
}
