package org.quizdesk.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizFileException;
import org.quizdesk.quiz.QuizFileReader;
import org.quizdesk.quiz.StudentVersion;

/** A version with a pool is graded on the student's own alternatives, out of the file's total. */
class PoolGradingTest {

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
                      - {id: "2a", type: short_answer, points: 2, prompt: A, accept: [{number: 10}]}
                      - {id: "2b", type: short_answer, points: 2, prompt: B, grading: manual}
            """);

    @Test
    void onlyTheDrawnAlternativeIsScoredAndTheTotalIsOutOfTheFilesTotal() throws Exception {
        StudentVersion withA = version("2a");
        QuizScore score = Grader.grade(withA, AnswerSheetJson.read(withA, "{\"1\": true, \"2a\": \"10\"}"));

        assertThat(score.questions()).extracting(QuestionScore::questionId).containsExactly("1", "2a");
        assertThat(score.total()).isEqualByComparingTo("3");
        assertThat(score.max()).isEqualByComparingTo(QUIZ.maxPoints()).isEqualByComparingTo("3");
        assertThat(score.provisional()).isFalse();
    }

    @Test
    void aManualAlternativeWaitsForAGraderOnlyForTheStudentsWhoDrewIt() throws Exception {
        StudentVersion withB = version("2b");
        QuizScore score = Grader.grade(withB, AnswerSheetJson.read(withB, "{\"2b\": \"an essay\"}"));
        assertThat(score.pending()).containsExactly("2b");
        assertThat(score.max()).isEqualByComparingTo("3");

        StudentVersion withA = version("2a");
        assertThat(Grader.grade(withA, AnswerSheetJson.read(withA, "{}")).pending()).isEmpty();
    }

    @Test
    void anAnswerToAnAlternativeTheStudentDidNotDrawIsRefusedEvenBlank() {
        StudentVersion withA = version("2a");
        assertThatThrownBy(() -> AnswerSheetJson.read(withA, "{\"2b\": \"text\"}"))
                .isInstanceOf(InvalidAnswersException.class)
                .hasMessage("question 2b is not in your version of the quiz (an alternative of pool 2 that was not drawn for you)");
        assertThatThrownBy(() -> AnswerSheetJson.read(withA, "{\"2b\": null}")).isInstanceOf(InvalidAnswersException.class);
        assertThatThrownBy(() -> AnswerSheetJson.read(withA, "{\"2\": \"text\"}"))
                .hasMessage("question 2 is a pool; answer the alternatives drawn for you");
    }

    @Test
    void aSheetWithoutASeedIsGradedAsTheFilesVersionWithThePoolsFirstAlternative() throws Exception {
        QuizScore score = Grader.grade(QUIZ, AnswerSheetJson.read(QUIZ, "{\"2a\": \"10\"}"));
        assertThat(score.questions()).extracting(QuestionScore::questionId).containsExactly("1", "2a");
        assertThat(score.max()).isEqualByComparingTo("3");
    }

    /** A version whose pool drew {@code alternative}. */
    private static StudentVersion version(String alternative) {
        for (long seed = 1; ; seed++) {
            StudentVersion version = StudentVersion.of(QUIZ, seed);
            if (version.has(alternative)) {
                return version;
            }
        }
    }

    private static Quiz read(String yaml) {
        try {
            return QuizFileReader.read("quizzes/t.yaml", yaml);
        } catch (QuizFileException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }
}
