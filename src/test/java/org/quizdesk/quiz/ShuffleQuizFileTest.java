package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "shuffle" at quiz, section and question level, "fixed" on options: how they inherit and what validate says. */
class ShuffleQuizFileTest {

    private static final String FILE = "quizzes/t.yaml";

    @Test
    void theQuizsShuffleIsTheDefaultOfSectionsAndQuestionsWhichMayTurnItOff() throws Exception {
        Quiz quiz = QuizFileReader.read(FILE, """
                id: t
                title: T
                time_limit: 10m
                shuffle: true
                sections:
                  - title: Kept in order
                    shuffle: false
                    questions:
                      - id: "1"
                        type: multi_select
                        points: 1
                        prompt: P
                        options: [{key: A, text: a, correct: true}, {key: B, text: b, correct: false, fixed: true}]
                  - title: Shuffled
                    questions:
                      - id: "2"
                        type: multi_select
                        points: 1
                        prompt: P
                        shuffle: false
                        options: [{key: A, text: a, correct: true}, {key: B, text: b, correct: false}]
                """);
        assertThat(quiz.sections()).extracting(Section::shuffle).containsExactly(false, true);
        MultiSelectQuestion first = (MultiSelectQuestion) quiz.question("1").orElseThrow();
        assertThat(first.shuffle()).as("options follow the quiz, not the section").isTrue();
        assertThat(first.options()).extracting(MultiSelectQuestion.Option::fixed).containsExactly(false, true);
        assertThat(((MultiSelectQuestion) quiz.question("2").orElseThrow()).shuffle()).isFalse();
    }

    @Test
    void withoutShuffleNothingShuffles() throws Exception {
        Quiz quiz = QuizFileReader.read(FILE, """
                id: t
                title: T
                time_limit: 10m
                sections:
                  - title: S
                    questions:
                      - id: "1"
                        type: multi_select
                        points: 1
                        prompt: P
                        options: [{key: A, text: a, correct: true}, {key: B, text: b, correct: false}]
                """);
        assertThat(quiz.sections().get(0).shuffle()).isFalse();
        assertThat(((MultiSelectQuestion) quiz.question("1").orElseThrow()).shuffle()).isFalse();
    }

    @Test
    void shuffleMustBeTrueOrFalseAtEveryLevel() {
        assertThat(problems("""
                id: t
                title: T
                time_limit: 10m
                shuffle: yes
                sections:
                  - title: S
                    shuffle: sometimes
                    questions:
                      - id: "1"
                        type: multi_select
                        points: 1
                        prompt: P
                        shuffle: 1
                        options:
                          - {key: A, text: a, correct: true, fixed: maybe}
                """)).containsExactly(
                FILE + ":4: \"shuffle\" must be true or false, not \"yes\"",
                FILE + ":7: section 1 (S): \"shuffle\" must be true or false, not \"sometimes\"",
                FILE + ":13: question 1: \"shuffle\" must be true or false, not \"1\"",
                FILE + ":15: question 1: option A: \"fixed\" must be true or false, not \"maybe\"");
    }

    @Test
    void shuffleWhereThereIsNothingToShuffleAndFixedOnAQuestionAreNamed() {
        assertThat(problems("""
                id: t
                title: T
                time_limit: 10m
                sections:
                  - title: S
                    questions:
                      - {id: "1", type: true_false, points: 1, prompt: P, answer: true, shuffle: true}
                      - {id: "2", type: short_answer, points: 1, prompt: P, accept: [{text: x}], fixed: true}
                      - id: "3"
                        type: group
                        prompt: Stem
                        shuffle: true
                        parts:
                          - {id: "3.1", type: true_false, points: 1, prompt: P, answer: true}
                """)).containsExactly(
                FILE + ":7: question 1: \"shuffle\" does not apply here: a true_false question has no options to shuffle",
                FILE + ":8: question 2: \"fixed\" belongs to an option of a multi_select (it keeps that option's place "
                        + "when the options are shuffled), not to a question",
                FILE + ":12: question 3: \"shuffle\" does not apply here: a group's parts keep their order; \"shuffle\" "
                        + "on the section shuffles its questions and groups, and on a multi_select part its options");
    }

    @Test
    void aMisspelledFixedIsAnUnknownFieldWithAHint() {
        assertThat(problems("""
                id: t
                title: T
                time_limit: 10m
                sections:
                  - title: S
                    questions:
                      - id: "1"
                        type: multi_select
                        points: 1
                        prompt: P
                        options:
                          - {key: A, text: a, correct: true, fixd: true}
                """)).containsExactly(FILE + ":12: question 1: option A: unknown field \"fixd\" (did you mean \"fixed\"?)");
    }

    private static List<String> problems(String yaml) {
        QuizFileException e = catchThrowableOfType(QuizFileException.class, () -> QuizFileReader.read(FILE, yaml));
        assertThat(e).as("a broken file must be rejected").isNotNull();
        return e.problems().stream().map(QuizFileProblem::toString).toList();
    }
}
