package org.quizdesk.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.MultiSelectQuestion.Correctness;
import org.quizdesk.quiz.MultiSelectScoring;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.TrueFalseQuestion;

class QtiImportTest {

    @Test
    void qti21ItemsBecomeQuestionsAndAnOrderItemIsListedByItsIdentifier() throws Exception {
        ImportedQuiz imported = QuizInterchange.importFile(InterchangeSamples.zipOf("qti21-sample"), "qti21-sample.zip", null);
        Quiz quiz = InterchangeSamples.reread(imported);
        assertThat(quiz.questions()).extracting(q -> q.kind().fileName()).containsExactly("multi_select", "true_false",
                "multi_select", "multi_select", "short_answer", "short_answer", "short_answer");

        MultiSelectQuestion luggage = (MultiSelectQuestion) quiz.questions().get(0);
        assertThat(luggage.prompt()).startsWith("Look at the text in the picture.").endsWith("What does it say?");
        assertThat(luggage.options()).extracting(MultiSelectQuestion.Option::correct)
                .containsExactly(Correctness.TRUE, Correctness.FALSE, Correctness.FALSE);
        assertThat(luggage.figures()).extracting(f -> f.description()).containsExactly("NEVER LEAVE LUGGAGE UNATTENDED");

        TrueFalseQuestion edinburgh = (TrueFalseQuestion) quiz.questions().get(1);
        assertThat(edinburgh.answer()).isFalse();
        assertThat(edinburgh.points()).isEqualByComparingTo("2");

        MultiSelectQuestion water = (MultiSelectQuestion) quiz.questions().get(2);
        assertThat(water.points()).isEqualByComparingTo("2");
        assertThat(water.shuffle()).isTrue();
        assertThat(water.options().stream().filter(o -> o.correct() == Correctness.TRUE).map(o -> o.text()))
                .containsExactly("Hydrogen", "Oxygen");
        // Helium, Carbon, Nitrogen take the mapping's default of -2: a rule deducting for them differs for Chlorine
        assertThat(imported.notes()).anyMatch(n -> water.id().equals(n.questionId()) && n.message().contains("scores differ"));

        MultiSelectQuestion noble = (MultiSelectQuestion) quiz.questions().get(3);
        assertThat(noble.effectiveScoring()).isEqualTo(MultiSelectScoring.ALL_OR_NOTHING);
        assertThat(noble.points()).isEqualByComparingTo("3");
        assertThat(noble.prompt()).contains("H$_{2}$O");
        assertThat(noble.options().get(2).text()).isEqualTo("Oxygen");
        assertThat(noble.options().get(2).solution()).isEqualTo("Oxygen reacts.");

        ShortAnswerQuestion york = (ShortAnswerQuestion) quiz.questions().get(4);
        assertThat(york.prompt()).contains("sun of _____ ;");
        assertThat(york.accept()).extracting(a -> ((AcceptedAnswer.Text) a).text()).containsExactly("York", "york");
        assertThat(imported.notes()).anyMatch(n -> n.message().contains("\"Yorkshire\" gives partial credit"));

        AcceptedAnswer.Number boiling = (AcceptedAnswer.Number) ((ShortAnswerQuestion) quiz.questions().get(5)).accept().get(0);
        assertThat(boiling.value()).isEqualByComparingTo("100");
        assertThat(boiling.tolerance()).isEqualByComparingTo("0.5");

        ShortAnswerQuestion postcard = (ShortAnswerQuestion) quiz.questions().get(6);
        assertThat(postcard.manual()).isTrue();
        assertThat(postcard.points()).isEqualByComparingTo("5");
        assertThat(postcard.prompt()).contains("Write Sam a postcard.");

        assertThat(imported.notes()).anyMatch(n -> "item order".equals(n.source())
                && n.message().contains("orderInteraction is not carried over"));
    }

    @Test
    void canvasQti12QuestionTypesPointsGroupsAndTheTimeLimit() throws Exception {
        ImportedQuiz imported = QuizInterchange.importFile(InterchangeSamples.zipOf("canvas-qti12-sample"),
                "chemistry.zip", null);
        Quiz quiz = InterchangeSamples.reread(imported);
        assertThat(quiz.title()).isEqualTo("Chemistry check");
        assertThat(quiz.timeLimit()).isEqualTo(Duration.ofMinutes(20));
        assertThat(quiz.sections()).extracting(s -> s.title()).containsExactly("Questions", "Elements", "Questions");
        assertThat(quiz.questions()).extracting(q -> q.kind().fileName()).containsExactly("multi_select", "true_false",
                "multi_select", "short_answer", "short_answer", "short_answer");

        MultiSelectQuestion sodium = (MultiSelectQuestion) quiz.questions().get(0);
        assertThat(sodium.options()).extracting(MultiSelectQuestion.Option::correct)
                .containsExactly(Correctness.FALSE, Correctness.TRUE, Correctness.FALSE);
        assertThat(sodium.solution()).isEqualTo("Natrium.");
        TrueFalseQuestion boils = (TrueFalseQuestion) quiz.questions().get(1);
        assertThat(boils.answer()).isTrue();
        assertThat(boils.prompt()).isEqualTo("Water boils at 100 °C at sea level.");

        AcceptedAnswer.Number carbon = (AcceptedAnswer.Number) ((ShortAnswerQuestion) quiz.questions().get(4)).accept().get(0);
        assertThat(carbon.value()).isEqualByComparingTo("6");
        assertThat(carbon.tolerance()).isEqualByComparingTo("0.1");
        assertThat(quiz.questions().get(4).points()).isEqualByComparingTo("1.5");
        assertThat(((ShortAnswerQuestion) quiz.questions().get(5)).manual()).isTrue();

        MultiSelectQuestion metals = (MultiSelectQuestion) quiz.questions().get(2);
        assertThat(metals.options()).extracting(MultiSelectQuestion.Option::correct)
                .containsExactly(Correctness.TRUE, Correctness.FALSE, Correctness.TRUE);
        assertThat(metals.effectiveScoring()).isEqualTo(MultiSelectScoring.NET_CORRECT);
        ShortAnswerQuestion lightest = (ShortAnswerQuestion) quiz.questions().get(3);
        assertThat(lightest.accept()).extracting(a -> ((AcceptedAnswer.Text) a).text()).containsExactly("Hydrogen", "H");

        assertThat(imported.notes()).anyMatch(n -> "item i-match".equals(n.source())
                && n.message().contains("\"matching_question\" is not carried over"));
        assertThat(imported.notes()).anyMatch(n -> n.message().contains("Canvas picks some of this group's questions"));
    }
}
