package org.quizdesk.load;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.TrueFalseQuestion;

/**
 * A student's answers as the quiz page sends them: every question answered at random (right or wrong, so the
 * grading has work), and one free-text answer carrying the student's save sequence ("seq 17"), so the checks can
 * tell which save the database holds.
 */
final class AnswerSheets {

    private static final Pattern SEQUENCE = Pattern.compile("seq (\\d+)");

    private final Quiz quiz;
    /** The question whose text carries the sequence: a hand-graded one if there is one, so no score depends on it. */
    private final String sequenceQuestion;

    AnswerSheets(Quiz quiz) {
        this.quiz = quiz;
        List<ShortAnswerQuestion> texts = quiz.questions().stream().filter(ShortAnswerQuestion.class::isInstance)
                .map(ShortAnswerQuestion.class::cast).toList();
        this.sequenceQuestion = texts.stream().filter(ShortAnswerQuestion::manual).findFirst()
                .or(() -> texts.stream().findFirst()).orElseThrow(() -> new IllegalArgumentException(
                        "the quiz needs a short-answer question to carry the save sequence")).id();
    }

    /** The answers JSON of a student's save number {@code sequence}. */
    String json(int student, long sequence) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringJoiner answers = new StringJoiner(", ", "{", "}");
        for (Question question : quiz.questions()) {
            String value;
            if (question.id().equals(sequenceQuestion)) {
                value = text("student " + student + " draft seq " + sequence);
            } else if (question instanceof TrueFalseQuestion) {
                value = random.nextInt(3) == 0 ? "null" : Boolean.toString(random.nextBoolean());
            } else if (question instanceof MultiSelectQuestion multiSelect) {
                List<String> keys = new ArrayList<>();
                for (MultiSelectQuestion.Option option : multiSelect.options()) {
                    if (random.nextBoolean()) {
                        keys.add(text(option.key()));
                    }
                }
                value = keys.stream().collect(Collectors.joining(", ", "[", "]"));
            } else {
                value = text(random.nextBoolean() ? accepted((ShortAnswerQuestion) question) : "no idea " + sequence);
            }
            answers.add(text(question.id()) + ": " + value);
        }
        return answers.toString();
    }

    /** The sequence in stored answers, -1 if there is none. */
    static long sequenceIn(String storedAnswers) {
        Matcher matcher = SEQUENCE.matcher(storedAnswers);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private static String accepted(ShortAnswerQuestion question) {
        if (question.accept().isEmpty()) {
            return "something";
        }
        AcceptedAnswer first = question.accept().get(0);
        if (first instanceof AcceptedAnswer.Shape shape) {
            return shape.dimensions().stream().map(String::valueOf).collect(Collectors.joining(" x "));
        } else if (first instanceof AcceptedAnswer.Number number) {
            return number.value().toPlainString();
        } else if (first instanceof AcceptedAnswer.Text text) {
            return text.text();
        }
        return "a guess";
    }

    private static String text(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
