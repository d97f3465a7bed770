package org.quizdesk.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.Points;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.RubricItem;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.StudentVersion;
import org.quizdesk.quiz.TrueFalseQuestion;

/** Scores answers against a quiz: pure functions of the quiz and the answers, nothing else. */
public final class Grader {

    static final String WAITING = "waiting for a grader";

    /** A wrong answer's reason before solutions are released: it says nothing of what the answer is. */
    static final String INCORRECT = "incorrect";

    /** Longest answer quoted in full in a reason; longer ones are cut with an ellipsis. */
    private static final int QUOTE_LIMIT = 80;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Grader() {
    }

    /** Every leaf question of the quiz, in quiz order; manual questions are pending. */
    public static QuizScore grade(Quiz quiz, AnswerSheet answers) {
        if (!quiz.pools().isEmpty()) {
            // a sheet without a seed is the file's version: each pool's first alternatives
            return grade(StudentVersion.of(quiz, StudentVersion.FILE_ORDER), answers);
        }
        List<QuestionScore> scores = new ArrayList<>();
        for (Question question : quiz.questions()) {
            scores.add(grade(question, answers.get(question.id())));
        }
        return QuizScore.of(scores);
    }

    /**
     * A student's version: their questions alone (the drawn alternatives of each pool, so the total is out of the
     * file's total) scored by the file's keys exactly as {@link #grade(Quiz, AnswerSheet)}, in the file's order, with the reasons naming options by the letters this student saw ("missed B" for the file's D), in
     * the order the student saw them.
     */
    public static QuizScore grade(StudentVersion version, AnswerSheet answers) {
        List<QuestionScore> scores = new ArrayList<>();
        for (Question question : version.file().questions()) {
            Optional<Question> mine = version.quiz().question(question.id());
            if (mine.isEmpty()) {
                continue; // a pool's alternative this student did not draw: not theirs to score
            }
            Question asShown = mine.get();
            scores.add(grade(asShown, answers.get(question.id()), key -> version.label(question.id(), key)));
        }
        return QuizScore.of(scores);
    }

    /** @param answer empty when blank */
    public static QuestionScore grade(Question question, Optional<Answer> answer) {
        return grade(question, answer, UnaryOperator.identity());
    }

    private static QuestionScore grade(Question question, Optional<Answer> answer, UnaryOperator<String> label) {
        Objects.requireNonNull(question, "question");
        Optional<Answer> given = answer.filter(a -> !AnswerSheet.isBlank(a));
        if (question instanceof TrueFalseQuestion trueFalse) {
            return gradeTrueFalse(trueFalse, given);
        }
        if (question instanceof MultiSelectQuestion multiSelect) {
            return gradeMultiSelect(multiSelect, given, label);
        }
        if (question instanceof ShortAnswerQuestion shortAnswer) {
            return gradeShortAnswer(shortAnswer, given);
        }
        throw new IllegalArgumentException("unknown question type " + question.getClass());
    }

    /**
     * Rubric items (in rubric order) plus the adjustment, kept within [0, points].
     *
     * @throws IllegalArgumentException when the grade names a rubric item the question does not have
     */
    public static QuestionScore applyHandGrade(ShortAnswerQuestion question, HandGrade grade) {
        List<String> known = question.rubric().stream().map(RubricItem::id).toList();
        for (String id : grade.rubricItemIds()) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("question " + question.id() + ": no rubric item \"" + id
                        + "\" (items: " + String.join(", ", known) + ")");
            }
        }
        BigDecimal sum = BigDecimal.ZERO;
        List<String> reasons = new ArrayList<>();
        // A rubric item's text can state the expected answer, so before release a student sees only its points.
        List<String> keyFree = new ArrayList<>();
        for (RubricItem item : question.rubric()) {
            if (grade.rubricItemIds().contains(item.id())) {
                sum = sum.add(item.points());
                reasons.add(Points.signedInText(item.points()) + " " + item.text());
                keyFree.add(Points.signedInText(item.points()) + " rubric item");
            }
        }
        String comment = grade.comment() == null ? "" : grade.comment().strip();
        List<String> gradersWords = new ArrayList<>();
        if (grade.adjustment().signum() != 0) {
            sum = sum.add(grade.adjustment());
            gradersWords.add(Points.signedInText(grade.adjustment()) + " adjustment" + (comment.isEmpty() ? "" : ": " + comment));
        } else if (!comment.isEmpty()) {
            gradersWords.add("grader's comment: " + comment);
        }
        reasons.addAll(gradersWords);
        keyFree.addAll(gradersWords);
        if (reasons.isEmpty()) {
            reasons.add("no rubric item applied");
            keyFree.add("no rubric item applied");
        }
        reasons.addAll(clampReason(sum, question.points()));
        keyFree.addAll(clampReason(sum, question.points()));
        return QuestionScore.of(question.id(), Scores.clamp(sum, question.points()), question.points(), reasons, keyFree);
    }

    /**
     * A grader's override of any question's score, with the comment as its reason.
     *
     * @throws IllegalArgumentException when the score is outside [0, points] or the comment is blank
     */
    public static QuestionScore override(Question question, BigDecimal score, String comment) {
        if (score.signum() < 0 || score.compareTo(question.points()) > 0) {
            throw new IllegalArgumentException("question " + question.id() + ": a score must be between 0 and "
                    + Points.inText(question.points()) + ", not " + Points.inText(score));
        }
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("question " + question.id() + ": an override needs a comment");
        }
        return QuestionScore.of(question.id(), score, question.points(), List.of("set by a grader: " + comment.strip()));
    }

    private static QuestionScore gradeTrueFalse(TrueFalseQuestion question, Optional<Answer> answer) {
        if (answer.isEmpty()) {
            return QuestionScore.of(question.id(), BigDecimal.ZERO, question.points(), List.of("left blank"));
        }
        if (!(answer.get() instanceof Answer.TrueFalse trueFalse)) {
            return mismatched(question, "true or false");
        }
        if (trueFalse.value() == question.answer()) {
            return QuestionScore.of(question.id(), question.points(), question.points(), List.of("correct"));
        }
        String reason = "answered " + word(trueFalse.value()) + "; the answer is " + word(question.answer());
        return QuestionScore.of(question.id(), BigDecimal.ZERO, question.points(), List.of(reason), List.of(INCORRECT));
    }

    private static QuestionScore gradeMultiSelect(MultiSelectQuestion question, Optional<Answer> answer,
            UnaryOperator<String> label) {
        if (answer.isEmpty()) {
            return MultiSelectScorer.score(question, Set.of(), label);
        }
        if (!(answer.get() instanceof Answer.Selection selection)) {
            return mismatched(question, "a selection of options");
        }
        return MultiSelectScorer.score(question, selection.keys(), label);
    }

    private static QuestionScore gradeShortAnswer(ShortAnswerQuestion question, Optional<Answer> answer) {
        if (question.manual()) {
            // The contract gives manual questions no automatic score, blank or not: a grader decides.
            List<String> reasons = answer.isEmpty() ? List.of("left blank", WAITING) : List.of(WAITING);
            return QuestionScore.pending(question.id(), question.points(), reasons);
        }
        if (answer.isEmpty()) {
            return QuestionScore.of(question.id(), BigDecimal.ZERO, question.points(), List.of("left blank"));
        }
        if (!(answer.get() instanceof Answer.Text text)) {
            return mismatched(question, "text");
        }
        for (AcceptedAnswer accepted : question.accept()) {
            if (ShortAnswerMatcher.matches(accepted, text.value())) {
                return QuestionScore.of(question.id(), question.points(), question.points(), List.of("correct"));
            }
        }
        String reason = "\u201c" + quote(text.value().strip()) + "\u201d is not an accepted answer";
        return QuestionScore.of(question.id(), BigDecimal.ZERO, question.points(), List.of(reason), List.of(INCORRECT));
    }

    /** An answer of the wrong kind (the quiz changed after it was saved): it cannot earn points. */
    private static QuestionScore mismatched(Question question, String expected) {
        String reason = "the saved answer does not fit this question (it expects " + expected + ")";
        return QuestionScore.of(question.id(), BigDecimal.ZERO, question.points(), List.of(reason));
    }

    private static List<String> clampReason(BigDecimal sum, BigDecimal points) {
        if (sum.signum() < 0) {
            return List.of("a score is never below 0");
        }
        if (sum.compareTo(points) > 0) {
            return List.of("capped at the question's " + Points.inText(points) + " points");
        }
        return List.of();
    }

    private static String word(boolean value) {
        return value ? "True" : "False";
    }

    private static String quote(String answer) {
        String oneLine = WHITESPACE.matcher(answer).replaceAll(" ");
        return oneLine.length() <= QUOTE_LIMIT ? oneLine : oneLine.substring(0, QUOTE_LIMIT) + "\u2026";
    }
}
