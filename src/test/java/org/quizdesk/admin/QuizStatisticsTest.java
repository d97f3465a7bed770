package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quizdesk.grading.Answer;
import org.quizdesk.grading.AnswerSheet;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.Item;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.MultiSelectQuestion.Correctness;
import org.quizdesk.quiz.MultiSelectScoring;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.Section;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.TrueFalseQuestion;

/**
 * Four attempts, computed by hand. Scores t1 / m1 / s1 and totals:
 * S1 0/4/2 = 6, S2 1/2/2 = 5, S3 0/4/0 = 4, S4 0/0/0 = 0.
 */
class QuizStatisticsTest {

    private static final Quiz QUIZ = new Quiz("q", "Q", "C", null, Duration.ofMinutes(30), "h", "", List.of(
            new Section("S", null, null, null, List.<Item>of(
                    new TrueFalseQuestion("t1", dec("1"), "p", List.of(), true, null),
                    new MultiSelectQuestion("m1", dec("4"), "p", List.of(), List.of(
                            new MultiSelectQuestion.Option("A", "a", Correctness.TRUE, null),
                            new MultiSelectQuestion.Option("B", "b", Correctness.EITHER, null),
                            new MultiSelectQuestion.Option("C", "c", Correctness.TRUE, null),
                            new MultiSelectQuestion.Option("D", "d", Correctness.FALSE, null)),
                            MultiSelectScoring.PER_ERROR, MultiSelectScoring.ALL_OR_NOTHING, dec("2"), null),
                    new ShortAnswerQuestion("s1", dec("2"), "p", List.of(), List.of(new AcceptedAnswer.Text("relu")), false,
                            List.of(), null)))), "q.yaml");

    private static final List<QuizStatistics.Sample> SAMPLES = List.of(
            sample("6", 10, Map.of("t1", "0", "m1", "4", "s1", "2"), sheet(false, Answer.Selection.of("A", "C"), "ReLU")),
            sample("5", 12, Map.of("t1", "1", "m1", "2", "s1", "2"), sheet(true, Answer.Selection.of("A", "B"), " relu ")),
            sample("4", 29, Map.of("t1", "0", "m1", "4", "s1", "0"), sheet(false, Answer.Selection.of("A", "B", "C"), "<img src=x onerror=alert(1)>")),
            sample("0", 3, Map.of("t1", "0", "m1", "0", "s1", "0"), sheet(false, Answer.Selection.of("B", "D"), null)));

    @Test
    void totals() {
        QuizStatistics.Result result = QuizStatistics.of(QUIZ, SAMPLES);
        assertThat(result.count()).isEqualTo(4);
        assertThat(result.max()).isEqualByComparingTo("7");
        assertThat(result.mean()).isEqualByComparingTo("3.750");
        assertThat(result.median()).isEqualByComparingTo("4.500");
        // deviations 2.25, 1.25, 0.25, -3.75: squares sum to 20.75; / 4 = 5.1875; sqrt = 2.2776
        assertThat(result.standardDeviation()).isEqualByComparingTo("2.278");
    }

    @Test
    void histogramsOfTotalsAndTimeUsed() {
        QuizStatistics.Result result = QuizStatistics.of(QUIZ, SAMPLES);
        // bins of 0.7 points: 0 -> 0, 4 -> 5, 5 -> 7, 6 -> 8
        assertThat(result.histogram()).extracting(QuizStatistics.Bin::count).containsExactly(1, 0, 0, 0, 0, 1, 0, 1, 1, 0);
        assertThat(result.histogram().get(0).label()).isEqualTo("0\u2013<0.7");
        assertThat(result.histogram().get(9).label()).isEqualTo("6.3\u20137");
        // 5-minute bins: 3 -> 0, 10 and 12 -> 2, 29 -> 5
        assertThat(result.timeHistogram()).extracting(QuizStatistics.Bin::count).containsExactly(1, 0, 2, 0, 0, 1);
        assertThat(result.timeHistogram().get(2).label()).isEqualTo("10\u201315 min");
        assertThat(result.timeHistogram().get(2).percentOfLargest()).isEqualTo(100);
        assertThat(result.timeHistogram().get(0).percentOfLargest()).isEqualTo(50);
    }

    @Test
    void facilityAndDiscriminationPerQuestion() {
        QuizStatistics.Result result = QuizStatistics.of(QUIZ, SAMPLES);
        // groups of round(0.27 * 4) = 1: the top is S1 (6), the bottom S4 (0)
        QuizStatistics.QuestionStats t1 = result.questions().get(0);
        assertThat(t1.mean()).isEqualByComparingTo("0.25");
        assertThat(t1.facility()).isEqualByComparingTo("0.25");
        assertThat(t1.discrimination()).isEqualByComparingTo("0");
        QuizStatistics.QuestionStats m1 = result.questions().get(1);
        assertThat(m1.mean()).isEqualByComparingTo("2.5");
        assertThat(m1.facility()).isEqualByComparingTo("0.625");
        assertThat(m1.discrimination()).isEqualByComparingTo("1");
        QuizStatistics.QuestionStats s1 = result.questions().get(2);
        assertThat(s1.facility()).isEqualByComparingTo("0.5");
        assertThat(s1.discrimination()).isEqualByComparingTo("1");
    }

    @Test
    void discriminationWithLargerGroupsAveragesEachGroup() {
        // 8 attempts: groups of round(2.16) = 2; t1 is right for the two best and one of the two worst
        List<QuizStatistics.Sample> eight = List.of(
                sample("7", 1, Map.of("t1", "1"), AnswerSheet.EMPTY), sample("6", 1, Map.of("t1", "1"), AnswerSheet.EMPTY),
                sample("5", 1, Map.of("t1", "0"), AnswerSheet.EMPTY), sample("4", 1, Map.of("t1", "0"), AnswerSheet.EMPTY),
                sample("3", 1, Map.of("t1", "1"), AnswerSheet.EMPTY), sample("2", 1, Map.of("t1", "0"), AnswerSheet.EMPTY),
                sample("1", 1, Map.of("t1", "1"), AnswerSheet.EMPTY), sample("0", 1, Map.of("t1", "0"), AnswerSheet.EMPTY));
        assertThat(QuizStatistics.of(QUIZ, eight).questions().get(0).discrimination()).isEqualByComparingTo("0.5");
    }

    @Test
    void optionPickRatesShowTheConfusingOption() {
        List<QuizStatistics.OptionStats> options = QuizStatistics.of(QUIZ, SAMPLES).questions().get(1).options();
        assertThat(options).extracting(QuizStatistics.OptionStats::key).containsExactly("A", "B", "C", "D");
        assertThat(options).extracting(QuizStatistics.OptionStats::picked).containsExactly(3, 3, 2, 1);
        assertThat(options).extracting(o -> o.rate().toPlainString()).containsExactly("0.750", "0.750", "0.500", "0.250");
        assertThat(options.get(1).correct()).isEqualTo("either");
        assertThat(options).extracting(QuizStatistics.OptionStats::confusing).containsExactly(false, false, false, false);
        assertThat(new QuizStatistics.OptionStats("D", "false", 3, new BigDecimal("0.6")).confusing()).isTrue();
        assertThat(new QuizStatistics.OptionStats("C", "true", 1, new BigDecimal("0.25")).confusing()).isTrue();
    }

    @Test
    void commonShortAnswersAreFoldedAndCounted() {
        List<QuizStatistics.AnswerCount> answers = QuizStatistics.of(QUIZ, SAMPLES).questions().get(2).commonAnswers();
        assertThat(answers).containsExactly(new QuizStatistics.AnswerCount("relu", 2),
                new QuizStatistics.AnswerCount("<img src=x onerror=alert(1)>", 1));
    }

    @Test
    void noAttemptsGiveNoNumbers() {
        QuizStatistics.Result result = QuizStatistics.of(QUIZ, List.of());
        assertThat(result.mean()).isNull();
        assertThat(result.questions().get(0).facility()).isNull();
        assertThat(result.questions().get(0).discrimination()).isNull();
    }

    private static QuizStatistics.Sample sample(String total, int minutes, Map<String, String> scores, AnswerSheet answers) {
        Map<String, BigDecimal> decimals = new java.util.HashMap<>();
        scores.forEach((k, v) -> decimals.put(k, dec(v)));
        return new QuizStatistics.Sample(dec(total), Duration.ofMinutes(minutes), decimals, answers);
    }

    private static AnswerSheet sheet(boolean t1, Answer.Selection m1, String s1) {
        Map<String, Answer> answers = new java.util.HashMap<>();
        answers.put("t1", new Answer.TrueFalse(t1));
        answers.put("m1", m1);
        if (s1 != null) {
            answers.put("s1", new Answer.Text(s1));
        }
        return new AnswerSheet(answers);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
