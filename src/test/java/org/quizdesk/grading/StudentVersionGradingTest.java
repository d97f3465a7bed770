package org.quizdesk.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizFileReader;
import org.quizdesk.quiz.StudentVersion;

/** A student's version is graded by the file's keys, in the file's order; its reasons name the letters they saw. */
class StudentVersionGradingTest {

    private static final String SOLUTION = """
            {"1.1": false, "1.2": false, "1.3": false, "1.4": true, "2.1": ["A", "C"], "2.2": ["A", "B"],
             "3.1.1": "4 x 4 x 5", "3.1.4": "Network 2"}""";

    @Test
    void theSeedQuizScoresTheSameWhateverTheSeed() throws Exception {
        Quiz quiz = QuizFileReader.read(Path.of("quizzes/cse493g1-au24-quiz2.yaml"));
        AnswerSheet answers = AnswerSheetJson.read(quiz, SOLUTION);
        QuizScore file = Grader.grade(quiz, answers);
        for (long seed : new long[] {StudentVersion.FILE_ORDER, 1, 42, -7}) {
            assertThat(Grader.grade(StudentVersion.of(quiz, seed), answers)).isEqualTo(file);
        }
    }

    @Test
    void aShuffledQuestionIsScoredByKeyAndItsReasonsUseTheStudentsLetters() throws Exception {
        Quiz quiz = QuizFileReader.read(Path.of("quizzes/shuffle-example.yaml"));
        // a seed whose order of 2.1 is not the file's
        long seed = 1;
        while (StudentVersion.of(quiz, seed).label("2.1", "B").equals("B")) {
            seed++;
        }
        StudentVersion version = StudentVersion.of(quiz, seed);
        AnswerSheet answers = AnswerSheetJson.read(quiz, "{\"2.1\": [\"A\"]}");

        QuestionScore score = Grader.grade(version, answers).questions().stream()
                .filter(q -> q.questionId().equals("2.1")).findFirst().orElseThrow();
        QuestionScore byKey = Grader.grade(quiz.question("2.1").orElseThrow(), answers.get("2.1"));

        assertThat(score.score()).isEqualByComparingTo(byKey.score());
        assertThat(byKey.reasons()).anyMatch(r -> r.startsWith("missed B"));
        assertThat(score.reasons()).anyMatch(r -> r.startsWith("missed " + version.label("2.1", "B")))
                .noneMatch(r -> r.startsWith("missed B "));
        assertThat(Grader.grade(version, answers).questions()).extracting(QuestionScore::questionId)
                .as("scores in the file's order").containsExactly("1.1", "1.2", "2.1", "2.2", "2.3",
                        version.has("2.4a") ? "2.4a" : "2.4b"); // the example's pool 2.4: the alternative drawn
        assertThat(((MultiSelectQuestion) quiz.question("2.1").orElseThrow()).shuffle()).isTrue();
    }

    @Test
    void theReasonsNameTheMissedOptionsInTheOrderTheStudentSawThem() throws Exception {
        Quiz quiz = QuizFileReader.read(Path.of("quizzes/shuffle-example.yaml"));
        AnswerSheet blank = AnswerSheetJson.read(quiz, "{}");
        int checked = 0;
        for (long seed = 1; seed <= 20; seed++) {
            for (QuestionScore score : Grader.grade(StudentVersion.of(quiz, seed), blank).questions()) {
                List<String> missed = score.reasons().stream().filter(r -> r.startsWith("missed ")).toList();
                if (missed.size() > 1) {
                    assertThat(missed).as("seed %d, question %s", seed, score.questionId()).isSorted();
                    checked++;
                }
            }
        }
        assertThat(checked).as("questions with two or more missed options").isPositive();
    }
}
