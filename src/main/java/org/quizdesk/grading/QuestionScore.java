package org.quizdesk.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.quizdesk.quiz.Points;

/**
 * The score of one question and why.
 *
 * @param score null while the answer waits for a grader
 * @param max the question's points
 * @param reasons sentences a student understands, e.g. "missed C (−2)"; they may name the key
 * @param keyFreeReasons the same account in general terms, e.g. "1 option wrong (−2)": what a student sees
 *        before solutions are released, so it never names an option or value of the key
 */
public record QuestionScore(String questionId, BigDecimal score, BigDecimal max, List<String> reasons,
        List<String> keyFreeReasons) {

    public QuestionScore {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(max, "max");
        max = Scores.normalize(max);
        score = score == null ? null : Scores.normalize(score);
        reasons = List.copyOf(reasons);
        keyFreeReasons = List.copyOf(keyFreeReasons);
    }

    /** For reasons that reveal nothing of the key ("correct", "left blank", a grader's comment): one form for both. */
    static QuestionScore of(String questionId, BigDecimal score, BigDecimal max, List<String> reasons) {
        return new QuestionScore(questionId, score, max, reasons, reasons);
    }

    static QuestionScore of(String questionId, BigDecimal score, BigDecimal max, List<String> reasons,
            List<String> keyFreeReasons) {
        return new QuestionScore(questionId, score, max, reasons, keyFreeReasons);
    }

    static QuestionScore pending(String questionId, BigDecimal max, List<String> reasons) {
        return new QuestionScore(questionId, null, max, reasons, reasons);
    }

    public boolean pending() {
        return score == null;
    }

    /** One line such as "2.1: 2/4 — missed C (−2)" or "3.1.4: ?/2 — waiting for a grader". */
    public String summary() {
        String points = (pending() ? "?" : Points.inText(score)) + "/" + Points.inText(max);
        return reasons.isEmpty()
                ? questionId + ": " + points
                : questionId + ": " + points + " \u2014 " + String.join("; ", reasons);
    }
}
