package org.quizdesk.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The score of a whole attempt.
 *
 * @param questions every leaf question of the quiz, in quiz order
 * @param total the sum of the scores that are not pending
 * @param max the quiz's points
 * @param pending the ids of the questions that wait for a grader
 */
public record QuizScore(List<QuestionScore> questions, BigDecimal total, BigDecimal max, List<String> pending) {

    public QuizScore {
        questions = List.copyOf(questions);
        total = Scores.normalize(total);
        max = Scores.normalize(max);
        pending = List.copyOf(pending);
    }

    /** Totals computed from the question scores. */
    public static QuizScore of(List<QuestionScore> questions) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        List<String> pending = new ArrayList<>();
        for (QuestionScore question : questions) {
            max = max.add(question.max());
            if (question.pending()) {
                pending.add(question.questionId());
            } else {
                total = total.add(question.score());
            }
        }
        return new QuizScore(questions, total, max, pending);
    }

    public Optional<QuestionScore> question(String id) {
        return questions.stream().filter(q -> q.questionId().equals(id)).findFirst();
    }

    /** True while any question waits for a grader: the total may still rise. */
    public boolean provisional() {
        return !pending.isEmpty();
    }

    /** A copy with one question's score replaced (a manual grade or an override), totals recomputed. */
    public QuizScore with(QuestionScore replacement) {
        List<QuestionScore> replaced = new ArrayList<>(questions.size());
        boolean found = false;
        for (QuestionScore question : questions) {
            boolean same = question.questionId().equals(replacement.questionId());
            found |= same;
            replaced.add(same ? replacement : question);
        }
        if (!found) {
            throw new IllegalArgumentException("no question " + replacement.questionId() + " in this score");
        }
        return of(replaced);
    }
}
