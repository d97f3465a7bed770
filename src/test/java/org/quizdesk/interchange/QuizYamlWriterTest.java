package org.quizdesk.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizFileReader;
import org.quizdesk.quiz.Section;
import org.quizdesk.quiz.TrueFalseQuestion;

/** Whatever a source's text holds, the written quiz file reads it back exactly and keeps its structure. */
class QuizYamlWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "plain words", "true", "no", "1.5", "key: value # not a comment", "'single' and \"double\" quotes",
        "- looks like a list", "{ looks: like a map }", "$W \\times H$ and \\n backslashes", "tab\there",
        "two\n\nparagraphs", "  leading spaces\nand more", "trailing space \nline", "line\u2028separator",
        "# a hash first", "ends with colon:", "@at & *star !bang %percent `tick`", "\u00e9\u00e8 \u4e2d\u6587 \ud83d\ude00"})
    void anyTextRoundTripsThroughTheQuizFile(String text) throws Exception {
        TrueFalseQuestion question = new TrueFalseQuestion("1.1", BigDecimal.ONE, text, List.of(), true, text);
        Quiz quiz = new Quiz("q", text, null, null, Duration.ofMinutes(30), null, null,
                List.of(new Section(text, null, null, null, List.of(question))), "q.yaml");
        String yaml = QuizYamlWriter.write(quiz, List.of(new CarryOverNote("1.1", "line 3", "a note\nwith a line break: id: x")),
                "test");
        Quiz back = QuizFileReader.read("q.yaml", yaml);
        assertThat(back.title()).isEqualTo(text.strip());
        assertThat(back.sections().get(0).title()).isEqualTo(text.strip());
        assertThat(back.questions().get(0).prompt()).isEqualTo(text.strip());
        assertThat(back.questions().get(0).solution()).isEqualTo(text.strip());
        assertThat(yaml).contains("# line 3: question 1.1: a note with a line break: id: x");
    }
}
