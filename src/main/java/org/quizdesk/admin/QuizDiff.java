package org.quizdesk.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quizdesk.quiz.Points;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.RubricItem;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.TrueFalseQuestion;

/** What changed between two versions of a quiz that can change a score, in sentences for course staff. */
final class QuizDiff {

    private QuizDiff() {
    }

    static List<String> between(Quiz before, Quiz after) {
        List<String> changes = new ArrayList<>();
        Map<String, Question> old = before.questions().stream().collect(Collectors.toMap(Question::id, Function.identity()));
        Map<String, Question> now = after.questions().stream().collect(Collectors.toMap(Question::id, Function.identity()));
        for (Question question : before.questions()) {
            if (!now.containsKey(question.id())) {
                changes.add(question.id() + ": removed");
            }
        }
        for (Question question : after.questions()) {
            Question was = old.get(question.id());
            if (was == null) {
                changes.add(question.id() + ": added (" + plain(question.points()) + " points)");
            } else {
                compare(was, question, changes);
            }
        }
        return changes;
    }

    private static void compare(Question was, Question now, List<String> changes) {
        String id = now.id();
        if (was.points().compareTo(now.points()) != 0) {
            changes.add(id + ": points " + plain(was.points()) + " \u2192 " + plain(now.points()));
        }
        if (was.getClass() != now.getClass()) {
            changes.add(id + ": the question type changed");
            return;
        }
        if (now instanceof TrueFalseQuestion tf && tf.answer() != ((TrueFalseQuestion) was).answer()) {
            changes.add(id + ": the answer is now " + (tf.answer() ? "True" : "False"));
        }
        if (now instanceof MultiSelectQuestion multi) {
            compareOptions((MultiSelectQuestion) was, multi, changes);
        }
        if (now instanceof ShortAnswerQuestion shortAnswer) {
            compareShortAnswer((ShortAnswerQuestion) was, shortAnswer, changes);
        }
    }

    private static void compareOptions(MultiSelectQuestion was, MultiSelectQuestion now, List<String> changes) {
        String id = now.id();
        if (was.scoring() != now.scoring() || was.singleCorrect() != now.singleCorrect()
                || !same(was.penalty(), now.penalty())) {
            changes.add(id + ": the scoring rule changed (" + rule(was) + " \u2192 " + rule(now) + ")");
        }
        for (MultiSelectQuestion.Option option : now.options()) {
            var before = was.option(option.key());
            if (before.isEmpty()) {
                changes.add(id + ": option " + option.key() + " added (" + word(option.correct()) + ")");
            } else if (before.get().correct() != option.correct()) {
                changes.add(id + ": option " + option.key() + " is now " + word(option.correct()) + " (was "
                        + word(before.get().correct()) + ")");
            }
        }
        for (MultiSelectQuestion.Option option : was.options()) {
            if (now.option(option.key()).isEmpty()) {
                changes.add(id + ": option " + option.key() + " removed");
            }
        }
    }

    private static void compareShortAnswer(ShortAnswerQuestion was, ShortAnswerQuestion now, List<String> changes) {
        String id = now.id();
        if (was.manual() != now.manual()) {
            changes.add(id + ": now graded " + (now.manual() ? "by hand" : "automatically"));
        }
        List<String> acceptedBefore = was.accept().stream().map(QuizDiff::describe).toList();
        List<String> acceptedNow = now.accept().stream().map(QuizDiff::describe).toList();
        for (String accepted : acceptedNow) {
            if (!acceptedBefore.contains(accepted)) {
                changes.add(id + ": now accepts " + accepted);
            }
        }
        for (String accepted : acceptedBefore) {
            if (!acceptedNow.contains(accepted)) {
                changes.add(id + ": no longer accepts " + accepted);
            }
        }
        Map<String, RubricItem> rubricBefore = was.rubric().stream().collect(Collectors.toMap(RubricItem::id, Function.identity()));
        for (RubricItem item : now.rubric()) {
            RubricItem before = rubricBefore.get(item.id());
            if (before == null) {
                changes.add(id + ": rubric item \"" + item.id() + "\" added (" + plain(item.points()) + ")");
            } else if (before.points().compareTo(item.points()) != 0) {
                changes.add(id + ": rubric item \"" + item.id() + "\" " + plain(before.points()) + " \u2192 " + plain(item.points()));
            }
        }
        for (RubricItem item : was.rubric()) {
            if (now.rubric().stream().noneMatch(i -> i.id().equals(item.id()))) {
                changes.add(id + ": rubric item \"" + item.id() + "\" removed (grades that used it lose it)");
            }
        }
    }

    static String describe(AcceptedAnswer accepted) {
        if (accepted instanceof AcceptedAnswer.Shape shape) {
            return "shape " + shape.dimensions();
        }
        if (accepted instanceof AcceptedAnswer.Number number) {
            return "number " + plain(number.value()) + (number.tolerance().signum() == 0 ? ""
                    : " \u00b1 " + plain(number.tolerance()) + (number.relative() ? " (relative)" : ""));
        }
        if (accepted instanceof AcceptedAnswer.Expression expression) {
            return "expr " + expression.expression().text() + (expression.tolerance().signum() == 0 ? ""
                    : " \u00b1 " + plain(expression.tolerance()) + (expression.relative() ? " (relative)" : ""));
        }
        if (accepted instanceof AcceptedAnswer.Text text) {
            return "text \u201c" + text.text() + "\u201d";
        }
        return "regex /" + ((AcceptedAnswer.Regex) accepted).pattern().pattern() + "/";
    }

    private static String rule(MultiSelectQuestion question) {
        return question.scoring().name().toLowerCase(Locale.ROOT)
                + (question.penalty() == null ? "" : ", penalty " + plain(question.penalty()));
    }

    private static String word(MultiSelectQuestion.Correctness correctness) {
        return correctness.name().toLowerCase(Locale.ROOT);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    static String plain(BigDecimal value) {
        return Points.format(value, Locale.ROOT);
    }
}
