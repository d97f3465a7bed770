package org.quizdesk.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizdesk.grading.QuizFixtures.*;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.Quiz;

/** The worked cases and totals of QUIZ_FORMAT.md, on the seed quiz. */
class SeedQuizGradingTest {

    static Stream<Arguments> workedCases() {
        return Stream.of(
                Arguments.of(SEED_2_1, Answer.Selection.of("A", "C"), "4", "correct"),
                Arguments.of(SEED_2_1, Answer.Selection.of("A"), "2", "missed C (\u22122)"),
                Arguments.of(SEED_2_1, Answer.Selection.of("A", "C", "D"), "2", "selected D (\u22122)"),
                Arguments.of(SEED_2_1, null, "0", "left blank"),
                Arguments.of(SEED_2_2, Answer.Selection.of("A", "C"), "4", "correct"),
                Arguments.of(SEED_2_2, Answer.Selection.of("A", "B", "C"), "4", "correct"),
                Arguments.of(SEED_2_2, Answer.Selection.of("A", "B"), "2", "missed C (\u22122)"),
                Arguments.of(SEED_1_3, null, "0", "left blank"),
                Arguments.of(SEED_3_1_1, new Answer.Text("(4, 4, 5)"), "2", "correct"));
    }

    @ParameterizedTest(name = "{0} answered {1} scores {2}")
    @MethodSource("workedCases")
    void workedCase(Question question, Answer answer, String expected, String reason) {
        QuestionScore score = Grader.grade(question, Optional.ofNullable(answer));

        assertThat(score.score()).isEqualByComparingTo(expected);
        assertThat(score.reasons()).contains(reason);
        assertThat(score.max()).isEqualByComparingTo(question.points());
    }

    @Test
    void blank2_1ListsEveryMissedOption() {
        QuestionScore score = Grader.grade(SEED_2_1, Optional.empty());

        assertThat(score.reasons()).containsExactly("left blank", "missed A (\u22122)", "missed C (\u22122)");
    }

    @Test
    void summaryReadsLikeTheContract() {
        QuestionScore score = Grader.grade(SEED_2_1, Optional.of(Answer.Selection.of("A")));

        assertThat(score.summary()).isEqualTo("2.1: 2/4 \u2014 missed C (\u22122)");
    }

    @Test
    void seedTotalsAreFourEightEightAndTwenty() {
        Quiz quiz = seedQuiz();

        assertThat(quiz.sections()).extracting(s -> s.points().toPlainString()).containsExactly("4", "8", "8");
        assertThat(Grader.grade(quiz, AnswerSheet.EMPTY).max()).isEqualByComparingTo("20");
    }

    @Test
    void solutionKeyScores18Of20WithTheExplanationWaitingForAGrader() {
        QuizScore score = Grader.grade(seedQuiz(), seedSolutionKey());

        assertThat(score.total()).isEqualByComparingTo("18");
        assertThat(score.max()).isEqualByComparingTo("20");
        assertThat(score.pending()).containsExactly("3.1.4");
        assertThat(score.provisional()).isTrue();
        assertThat(score.question("3.1.4").orElseThrow().reasons()).containsExactly("waiting for a grader");
        assertThat(score.questions()).extracting(QuestionScore::questionId)
                .containsExactly("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1.1", "3.1.2", "3.1.3", "3.1.4");
    }

    @Test
    void gradingTheExplanationCompletesTheAttempt() {
        QuizScore provisional = Grader.grade(seedQuiz(), seedSolutionKey());
        QuestionScore graded = Grader.applyHandGrade(SEED_3_1_4,
                new HandGrade(java.util.Set.of("stride", "receptive-field"), null, null));

        QuizScore complete = provisional.with(graded);

        assertThat(complete.total()).isEqualByComparingTo("20");
        assertThat(complete.provisional()).isFalse();
        assertThat(complete.pending()).isEmpty();
    }

    @Test
    void emptySheetScoresZeroButIsStillProvisional() {
        QuizScore score = Grader.grade(seedQuiz(), AnswerSheet.EMPTY);

        assertThat(score.total()).isEqualByComparingTo("0");
        assertThat(score.questions()).hasSize(10);
        assertThat(score.pending()).containsExactly("3.1.4");
        assertThat(score.question("3.1.4").orElseThrow().reasons()).containsExactly("left blank", "waiting for a grader");
        assertThat(score.question("9.9")).isEmpty();
    }
}
