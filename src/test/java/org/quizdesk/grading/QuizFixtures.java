package org.quizdesk.grading;

import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.Item;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.MultiSelectQuestion.Correctness;
import org.quizdesk.quiz.MultiSelectQuestion.Option;
import org.quizdesk.quiz.MultiSelectScoring;
import org.quizdesk.quiz.QuestionGroup;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.RubricItem;
import org.quizdesk.quiz.Section;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.TrueFalseQuestion;

/** Quiz objects built in code, including a faithful encoding of the seed quiz's scored items. */
final class QuizFixtures {

    private QuizFixtures() {
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    static TrueFalseQuestion trueFalse(String id, String points, boolean answer) {
        return new TrueFalseQuestion(id, dec(points), "Prompt " + id, List.of(), answer, null);
    }

    static Option option(String key, Correctness correct) {
        return new Option(key, "Option " + key + " text", correct, null);
    }

    /**
     * Options from a compact spec: "A+ B- C?" is A correct, B incorrect, C either.
     */
    static List<Option> options(String spec) {
        List<Option> options = new ArrayList<>();
        for (String token : spec.trim().split("\\s+")) {
            String key = token.substring(0, token.length() - 1);
            char mark = token.charAt(token.length() - 1);
            Correctness correct = mark == '+' ? Correctness.TRUE : mark == '-' ? Correctness.FALSE : Correctness.EITHER;
            options.add(option(key, correct));
        }
        return options;
    }

    static MultiSelectQuestion multiSelect(String id, String points, MultiSelectScoring scoring,
            MultiSelectScoring singleCorrect, String penalty, String optionSpec) {
        return new MultiSelectQuestion(id, dec(points), "Prompt " + id, List.of(), options(optionSpec), scoring,
                singleCorrect, penalty == null ? null : dec(penalty), null);
    }

    /** The seed's rule: per_error, penalty as given, single-correct questions all-or-nothing. */
    static MultiSelectQuestion perError(String id, String points, String penalty, String optionSpec) {
        return multiSelect(id, points, MultiSelectScoring.PER_ERROR, MultiSelectScoring.ALL_OR_NOTHING, penalty,
                optionSpec);
    }

    static MultiSelectQuestion withRule(MultiSelectScoring rule, String points, String optionSpec) {
        return multiSelect("q", points, rule, MultiSelectScoring.ALL_OR_NOTHING, "2", optionSpec);
    }

    static ShortAnswerQuestion shortAnswer(String id, String points, AcceptedAnswer... accept) {
        return new ShortAnswerQuestion(id, dec(points), "Prompt " + id, List.of(), List.of(accept), false,
                List.of(), null);
    }

    static ShortAnswerQuestion manual(String id, String points, RubricItem... rubric) {
        return new ShortAnswerQuestion(id, dec(points), "Prompt " + id, List.of(), List.of(), true, List.of(rubric),
                null);
    }

    static AcceptedAnswer.Shape shape(Integer... dimensions) {
        return new AcceptedAnswer.Shape(List.of(dimensions));
    }

    static AcceptedAnswer.Number number(String value, String tolerance, boolean relative) {
        return new AcceptedAnswer.Number(dec(value), dec(tolerance), relative);
    }

    static AcceptedAnswer.Text text(String text) {
        return new AcceptedAnswer.Text(text);
    }

    static AcceptedAnswer.Regex regex(String pattern) {
        return new AcceptedAnswer.Regex(Pattern.compile(pattern));
    }

    static Quiz quiz(Item... items) {
        return new Quiz("test-quiz", "Test quiz", null, null, null, null, null,
                List.of(new Section("Only section", null, null, null, List.of(items))), "quizzes/test-quiz.yaml");
    }

    // --- The seed: CSE 493 G1 Autumn 2024 Quiz 2 -------------------------------------------------------

    static final RubricItem STRIDE = new RubricItem("stride", dec("1"),
            "Explains stride 4 in Network 2 leaves 3 of the 4 activations without information from image B");
    static final RubricItem RECEPTIVE_FIELD = new RubricItem("receptive-field", dec("1"),
            "Explains that Network 1's smaller stride and stacked convolutions see a larger region");
    static final RubricItem WRONG_CLAIM = new RubricItem("wrong-claim", dec("-0.5"),
            "Claims a network is underfit or overfit, which the question rules out");

    static final TrueFalseQuestion SEED_1_1 = trueFalse("1.1", "1", false);
    static final TrueFalseQuestion SEED_1_2 = trueFalse("1.2", "1", false);
    static final TrueFalseQuestion SEED_1_3 = trueFalse("1.3", "1", false);
    static final TrueFalseQuestion SEED_1_4 = trueFalse("1.4", "1", true);
    /** Layer norm (A) and instance norm (C) give B1 = B2; batch norm (B) and the L2 claim (D) do not. */
    static final MultiSelectQuestion SEED_2_1 = perError("2.1", "4", "2", "A+ B- C+ D-");
    /** B ("more slowly") was accepted either way, as the solutions say. */
    static final MultiSelectQuestion SEED_2_2 = perError("2.2", "4", "2", "A+ B? C+ D-");
    static final ShortAnswerQuestion SEED_3_1_1 = shortAnswer("3.1.1", "2", shape(4, 4, 5));
    static final ShortAnswerQuestion SEED_3_1_2 = shortAnswer("3.1.2", "2", shape(4, 7));
    static final ShortAnswerQuestion SEED_3_1_3 = shortAnswer("3.1.3", "2", shape(4, 7));
    static final ShortAnswerQuestion SEED_3_1_4 = manual("3.1.4", "2", STRIDE, RECEPTIVE_FIELD, WRONG_CLAIM);

    static Quiz seedQuiz() {
        return new Quiz("cse493g1-au24-quiz2", "CSE 493 G1 / 599 G1 Deep Learning \u2014 Quiz 2", "CSE 493 G1",
                "2024-10-25", null, null, null,
                List.of(
                        new Section("True / False", null, null, null, List.of(SEED_1_1, SEED_1_2, SEED_1_3, SEED_1_4)),
                        new Section("Multiple Choices", null, null, null, List.of(SEED_2_1, SEED_2_2)),
                        new Section("Short Answers", null, null, null, List.of(new QuestionGroup("3.1",
                                "You are using CNNs to classify handwritten numbers ...", List.of(),
                                List.of(SEED_3_1_1, SEED_3_1_2, SEED_3_1_3, SEED_3_1_4))))),
                "quizzes/cse493g1-au24-quiz2.yaml");
    }

    /** The solution key as a student would type it. */
    static AnswerSheet seedSolutionKey() {
        Map<String, Answer> answers = new java.util.LinkedHashMap<>();
        answers.put("1.1", new Answer.TrueFalse(false));
        answers.put("1.2", new Answer.TrueFalse(false));
        answers.put("1.3", new Answer.TrueFalse(false));
        answers.put("1.4", new Answer.TrueFalse(true));
        answers.put("2.1", Answer.Selection.of("A", "C"));
        answers.put("2.2", Answer.Selection.of("A", "B", "C"));
        answers.put("3.1.1", new Answer.Text("4 x 4 x 5"));
        answers.put("3.1.2", new Answer.Text("4 x 7"));
        answers.put("3.1.3", new Answer.Text("4 x 7"));
        answers.put("3.1.4", new Answer.Text("Network 2 has one conv with stride 4, so 3 of the 4 activations "
                + "see nothing of image B; Network 1's lower stride and stacked convs see a larger region."));
        return new AnswerSheet(answers);
    }
}
