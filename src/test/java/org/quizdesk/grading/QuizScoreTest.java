package org.quizdesk.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quizdesk.grading.QuizFixtures.*;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quizdesk.quiz.Item;
import org.quizdesk.quiz.Quiz;

/** Totals are exact decimals; pending questions are left out of the total but not the max. */
class QuizScoreTest {

    @Test
    void pointOnePlusPointTwoIsPointThree() {
        Quiz quiz = quiz(trueFalse("a", "0.1", true), trueFalse("b", "0.2", true));
        AnswerSheet answers = new AnswerSheet(Map.of("a", new Answer.TrueFalse(true), "b", new Answer.TrueFalse(true)));

        QuizScore score = Grader.grade(quiz, answers);

        assertThat(score.total()).isEqualTo(new BigDecimal("0.30"));
        assertThat(score.max()).isEqualTo(new BigDecimal("0.30"));
    }

    @Test
    void tenTimesPointOneIsExactlyOne() {
        Item[] items = new Item[10];
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            items[i] = trueFalse("q" + i, "0.1", false);
            answers.put("q" + i, new Answer.TrueFalse(false));
        }

        QuizScore score = Grader.grade(quiz(items), new AnswerSheet(answers));

        assertThat(score.total()).isEqualTo(new BigDecimal("1.00"));
        assertThat(score.provisional()).isFalse();
    }

    @Test
    void pendingQuestionsCountInTheMaxButNotTheTotal() {
        Quiz quiz = quiz(trueFalse("a", "1", true), manual("b", "2.5"));

        QuizScore score = Grader.grade(quiz, new AnswerSheet(Map.of("a", new Answer.TrueFalse(true),
                "b", new Answer.Text("my essay"))));

        assertThat(score.total()).isEqualByComparingTo("1");
        assertThat(score.max()).isEqualByComparingTo("3.5");
        assertThat(score.pending()).containsExactly("b");
        assertThat(score.provisional()).isTrue();
    }

    @Test
    void replacingAQuestionRecomputesTheTotals() {
        Quiz quiz = quiz(trueFalse("a", "1", true), manual("b", "2.5"));
        QuizScore score = Grader.grade(quiz, AnswerSheet.EMPTY);

        QuizScore graded = score.with(QuestionScore.of("b", dec("2.25"), dec("2.5"), java.util.List.of("+2.25 good")));

        assertThat(graded.total()).isEqualTo(new BigDecimal("2.25"));
        assertThat(graded.provisional()).isFalse();
        assertThat(graded.questions()).extracting(QuestionScore::questionId).containsExactly("a", "b");
        assertThatThrownBy(() -> score.with(QuestionScore.of("zz", BigDecimal.ONE, BigDecimal.ONE, java.util.List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answersToIdsTheQuizDoesNotHaveAreIgnoredByGrading() {
        Quiz quiz = quiz(trueFalse("a", "1", true));

        QuizScore score = Grader.grade(quiz, new AnswerSheet(Map.of("a", new Answer.TrueFalse(true),
                "ghost", new Answer.TrueFalse(true))));

        assertThat(score.total()).isEqualByComparingTo("1");
        assertThat(score.questions()).hasSize(1);
    }
}
