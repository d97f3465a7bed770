package org.quizdesk.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quizdesk.grading.QuizFixtures.seedQuiz;
import static org.quizdesk.grading.QuizFixtures.seedSolutionKey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quizdesk.quiz.Quiz;

class AnswerSheetJsonTest {

    private final Quiz seed = seedQuiz();

    private AnswerSheet read(String json) throws InvalidAnswersException {
        return AnswerSheetJson.read(seed, json);
    }

    @Test
    void readsTheContractsExample() throws Exception {
        AnswerSheet sheet = read("""
                {"1.1": false, "1.2": null, "2.1": ["A", "C"], "2.2": [], "3.1.1": "4 x 4 x 5",
                 "3.1.4": "Network 2 uses one conv with stride 4 ..."}""");

        assertThat(sheet.answers()).containsOnlyKeys("1.1", "2.1", "3.1.1", "3.1.4");
        assertThat(sheet.get("1.1")).contains(new Answer.TrueFalse(false));
        assertThat(sheet.get("2.1")).contains(Answer.Selection.of("C", "A"));
        assertThat(sheet.get("3.1.1")).contains(new Answer.Text("4 x 4 x 5"));
        assertThat(sheet.get("1.2")).isEmpty();
        assertThat(sheet.get("2.2")).as("an empty array is nothing selected: blank").isEmpty();
    }

    @Test
    void blankTextIsAbsentButOtherTextIsKeptAsTyped() throws Exception {
        AnswerSheet sheet = read("{\"3.1.1\": \"   \", \"3.1.2\": \"  4 x 7 \"}");

        assertThat(sheet.get("3.1.1")).isEmpty();
        assertThat(sheet.get("3.1.2")).contains(new Answer.Text("  4 x 7 "));
    }

    @Test
    void emptyObjectIsAnEmptySheet() throws Exception {
        assertThat(read(" {} ")).isEqualTo(AnswerSheet.EMPTY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "unknown id | {\"9.9\": true} | unknown question id \"9.9\" (quiz cse493g1-au24-quiz2)",
        "group id | {\"3.1\": \"4x4x5\"} | question 3.1 is a group; answer its parts (3.1.1, 3.1.2, 3.1.3, 3.1.4)",
        "array top level | [true] | answers must be a JSON object keyed by question id, not an array [true]",
        "string top level | \"1.1\" | answers must be a JSON object keyed by question id, not \"1.1\"",
        "null top level | null | answers must be a JSON object keyed by question id, not null",
        "true_false string | {\"1.1\": \"false\"} | question 1.1: expected true, false or null, not \"false\"",
        "true_false number | {\"1.1\": 0} | question 1.1: expected true, false or null, not 0",
        "true_false array | {\"1.1\": [true]} | question 1.1: expected true, false or null, not an array [true]",
        "multi_select string | {\"2.1\": \"A\"} | question 2.1: expected an array of option keys (e.g. [\"A\", \"C\"]) or null, not \"A\"",
        "multi_select object | {\"2.1\": {\"A\": true}} | question 2.1: expected an array of option keys (e.g. [\"A\", \"C\"]) or null, not an object {\"A\":true}",
        "option key number | {\"2.1\": [\"A\", 3]} | question 2.1: option keys must be strings, not 3",
        "option key null | {\"2.1\": [null]} | question 2.1: option keys must be strings, not null",
        "nested array | {\"2.1\": [[\"A\"]]} | question 2.1: option keys must be strings, not an array [\"A\"]",
        "unknown option | {\"2.1\": [\"A\", \"E\"]} | question 2.1: option \"E\" does not exist (options: A, B, C, D)",
        "lower-case option | {\"2.1\": [\"a\"]} | question 2.1: option \"a\" does not exist (options: A, B, C, D)",
        "duplicate option | {\"2.2\": [\"A\", \"C\", \"A\"]} | question 2.2: option \"A\" is selected twice",
        "short_answer number | {\"3.1.1\": 445} | question 3.1.1: expected a string or null, not 445",
        "short_answer boolean | {\"3.1.4\": false} | question 3.1.4: expected a string or null, not false",
        "short_answer array | {\"3.1.1\": [4, 4, 5]} | question 3.1.1: expected a string or null, not an array [4,4,5]",
        "empty input | ' ' | answers are empty; expected a JSON object such as {\"1.1\": true}"})
    void rejectsWithAClearMessage(String kind, String json, String message) {
        assertThatThrownBy(() -> read(json.equals("' '") ? " " : json))
                .isInstanceOf(InvalidAnswersException.class)
                .hasMessage(message);
    }

    @Test
    void theMessageNamesTheQuestion() {
        assertThatThrownBy(() -> read("{\"1.1\": true, \"2.1\": [\"E\"]}"))
                .isInstanceOfSatisfying(InvalidAnswersException.class,
                        e -> assertThat(e.questionId()).isEqualTo("2.1"));
    }

    @ParameterizedTest(name = "malformed: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"1.1\": true", "{\"1.1\": tru}", "{1.1: true}", "{\"1.1\": true,}", "{\"1.1\": true} {}",
        "{\"1.1\": true} x", "{'1.1': true}"})
    void rejectsMalformedJson(String json) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(InvalidAnswersException.class)
                .hasMessageStartingWith("answers are not valid JSON: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void truncatedAndTrailingInputIsExplainedWithoutJacksonInternals() {
        assertThatThrownBy(() -> read("{\"1.1\": true"))
                .hasMessage("answers are not valid JSON: it ends before the object is closed (line 1, column 13)");
        assertThatThrownBy(() -> read("{\"1.1\": true} {}"))
                .hasMessage("answers are not valid JSON: there is more after the closing } (line 1, column 15)");
    }

    @Test
    void malformedJsonSaysWhere() {
        assertThatThrownBy(() -> read("{\"1.1\": true,\n \"1.2\": fals}"))
                .isInstanceOf(InvalidAnswersException.class)
                .hasMessageContaining("(line 2, column");
    }

    @Test
    void rejectsAQuestionIdGivenTwice() {
        assertThatThrownBy(() -> read("{\"1.1\": true, \"1.1\": false}"))
                .isInstanceOf(InvalidAnswersException.class)
                .hasMessage("answers are not valid JSON: question id \"1.1\" appears twice (line 1, column 20)");
    }

    @Test
    void textUpToTenThousandCharactersIsAccepted() throws Exception {
        String longest = "é".repeat(AnswerSheetJson.MAX_TEXT_LENGTH);

        AnswerSheet sheet = read("{\"3.1.4\": \"" + longest + "\"}");

        assertThat(sheet.get("3.1.4")).contains(new Answer.Text(longest));
    }

    @Test
    void textOverTenThousandCharactersIsRejected() {
        String tooLong = "a".repeat(AnswerSheetJson.MAX_TEXT_LENGTH + 1);

        assertThatThrownBy(() -> read("{\"3.1.4\": \"" + tooLong + "\"}"))
                .isInstanceOf(InvalidAnswersException.class)
                .hasMessage("question 3.1.4: the answer is 10,001 characters long; the limit is 10,000");
    }

    @Test
    void writesCanonicalJsonWithSortedIdsAndKeys() {
        AnswerSheet sheet = new AnswerSheet(Map.of(
                "3.1.1", new Answer.Text("4 x 4 x 5"),
                "1.10", new Answer.TrueFalse(true),
                "2.1", Answer.Selection.of("C", "A"),
                "1.2", new Answer.TrueFalse(false),
                "2.2", Answer.Selection.of(),
                "3.1.2", new Answer.Text("  ")));

        assertThat(AnswerSheetJson.write(sheet))
                .isEqualTo("{\"1.2\":false,\"1.10\":true,\"2.1\":[\"A\",\"C\"],\"3.1.1\":\"4 x 4 x 5\"}");
    }

    @Test
    void idsAreOrderedAsPeopleReadThem() {
        List<String> ids = new ArrayList<>(List.of("10", "3.1.4", "1.10", "b", "1.2", "1.a", "3.1.1", "2", "1.2.", "1", "",
                "1.02", "1.B", "a.1", "9999999999", "1.2.1", "."));
        Collections.shuffle(ids, new Random(7));
        ids.sort(AnswerSheetJson.ID_ORDER);
        // segment by segment: numbers of up to nine digits by value (1.02 and 1.2 tie, then as text), longer ones and
        // letters as text; a prefix before what continues it
        assertThat(ids).containsExactly("", ".", "1", "1.02", "1.2", "1.2.", "1.2.1", "1.10", "1.B", "1.a", "2", "3.1.1", "3.1.4",
                "10", "9999999999", "a.1", "b");
    }

    @Test
    void writesInQuizOrderWhenGivenTheQuiz() {
        AnswerSheet sheet = new AnswerSheet(Map.of("3.1.1", new Answer.Text("4x4x5"), "1.4", new Answer.TrueFalse(true),
                "2.2", Answer.Selection.of("B")));

        assertThat(AnswerSheetJson.write(seed, sheet)).isEqualTo("{\"1.4\":true,\"2.2\":[\"B\"],\"3.1.1\":\"4x4x5\"}");
    }

    @Test
    void emptySheetIsAnEmptyObject() {
        assertThat(AnswerSheetJson.write(AnswerSheet.EMPTY)).isEqualTo("{}");
    }

    @Test
    void roundTripsTheSolutionKey() throws Exception {
        AnswerSheet key = seedSolutionKey();

        String json = AnswerSheetJson.write(key);

        assertThat(read(json)).isEqualTo(key);
        assertThat(AnswerSheetJson.write(read(json))).isEqualTo(json);
    }

    @Test
    void roundTripsTextThatNeedsEscaping() throws Exception {
        AnswerSheet sheet = new AnswerSheet(Map.of("3.1.4",
                new Answer.Text("He said \"stride 4\"\n\tthen $W \\times H$ \u2014 \u00e9\u00e8 \ud83d\ude00 \u0000 end")));

        assertThat(read(AnswerSheetJson.write(sheet))).isEqualTo(sheet);
    }

    @Test
    void readingThenGradingTheSolutionKeyGives18() throws Exception {
        String json = "{\"1.1\":false,\"1.2\":false,\"1.3\":false,\"1.4\":true,\"2.1\":[\"A\",\"C\"],"
                + "\"2.2\":[\"A\",\"B\",\"C\"],\"3.1.1\":\"(4, 4, 5)\",\"3.1.2\":\"4x7\",\"3.1.3\":\"4 by 7\","
                + "\"3.1.4\":\"stride 4\"}";

        QuizScore score = Grader.grade(seed, read(json));

        assertThat(score.total()).isEqualByComparingTo("18");
        assertThat(score.pending()).containsExactly("3.1.4");
    }
}
