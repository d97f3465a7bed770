package org.quizdesk.grading;

import static org.quizdesk.quiz.Points.MINUS;
import static org.quizdesk.quiz.Points.inText;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.MultiSelectQuestion.Correctness;
import org.quizdesk.quiz.MultiSelectQuestion.Option;
import org.quizdesk.quiz.MultiSelectScoring;

/** Choose-all-that-apply scoring, exactly as QUIZ_FORMAT states each rule. */
final class MultiSelectScorer {

    /** The seed's deduction, used when a question carries no penalty of its own. */
    static final BigDecimal DEFAULT_PENALTY = BigDecimal.valueOf(2);

    private MultiSelectScorer() {
    }

    /** @param selected the selected keys; empty for a blank answer (blank is "nothing selected") */
    static QuestionScore score(MultiSelectQuestion question, Set<String> selected) {
        return score(question, selected, UnaryOperator.identity());
    }

    /** @param label the option as the reasons name it: the letter the student saw (scoring itself is by key) */
    static QuestionScore score(MultiSelectQuestion question, Set<String> selected, UnaryOperator<String> label) {
        Tally tally = Tally.of(question, selected, label);
        MultiSelectScoring rule = rule(question);
        Result result;
        if (rule == MultiSelectScoring.PER_ERROR) {
            result = perError(question, tally);
        } else if (rule == MultiSelectScoring.ALL_OR_NOTHING) {
            result = allOrNothing(question, tally);
        } else {
            result = ratio(question, tally, rule);
        }
        List<String> reasons = new ArrayList<>();
        List<String> keyFree = new ArrayList<>();
        if (selected.isEmpty()) {
            reasons.add("left blank");
            keyFree.add("left blank");
        }
        reasons.addAll(result.reasons());
        keyFree.addAll(result.keyFreeReasons());
        BigDecimal score = Scores.clamp(result.score(), question.points());
        return QuestionScore.of(question.id(), score, question.points(), reasons, keyFree);
    }

    static MultiSelectScoring rule(MultiSelectQuestion question) {
        MultiSelectScoring rule = question.effectiveScoring();
        if (rule != null) {
            return rule;
        }
        // Absent in the model: fall back to the contract's defaults.
        return question.correctCount() == 1 ? MultiSelectScoring.ALL_OR_NOTHING : MultiSelectScoring.PER_ERROR;
    }

    private static Result perError(MultiSelectQuestion question, Tally tally) {
        BigDecimal penalty = question.penalty() == null ? DEFAULT_PENALTY : question.penalty();
        if (tally.errors().isEmpty()) {
            return Result.same(question.points(), List.of("correct"));
        }
        List<String> reasons = new ArrayList<>();
        for (String error : tally.errors()) {
            reasons.add(error + " (" + MINUS + inText(penalty) + ")");
        }
        BigDecimal deducted = penalty.multiply(BigDecimal.valueOf(tally.errors().size()));
        List<String> keyFree = new ArrayList<>(List.of(optionsWrong(tally) + " (" + MINUS + inText(deducted) + ")"));
        BigDecimal raw = question.points().subtract(deducted);
        if (raw.signum() < 0) {
            String stops = "the deductions exceed the " + inText(question.points()) + " points; the score stops at 0";
            reasons.add(stops);
            keyFree.add(stops);
        }
        return new Result(raw, reasons, keyFree);
    }

    private static Result allOrNothing(MultiSelectQuestion question, Tally tally) {
        if (tally.errors().isEmpty()) {
            return Result.same(question.points(), List.of("correct"));
        }
        String rule = "all or nothing: any missed or wrong option scores 0";
        List<String> reasons = new ArrayList<>(tally.errors());
        reasons.add(rule);
        return new Result(BigDecimal.ZERO, reasons, List.of(optionsWrong(tally), rule));
    }

    /** net_correct, coverage and each_answer: one exact fraction of the points, rounded once. */
    private static Result ratio(MultiSelectQuestion question, Tally tally, MultiSelectScoring rule) {
        BigDecimal points = question.points();
        int bigC = tally.correctOptions();
        int c = tally.correctSelected();
        int w = tally.wrongSelected();
        int missed = bigC - c;
        int n = tally.counted();
        List<String> reasons = new ArrayList<>(tally.errors());
        List<String> keyFree = new ArrayList<>();
        if (reasons.isEmpty()) {
            reasons.add("correct");
            keyFree.add("correct");
        } else {
            keyFree.add(optionsWrong(tally));
        }
        String p = inText(points);
        String times = " \u00d7 ";
        BigDecimal score;
        String formula;
        if (rule == MultiSelectScoring.NET_CORRECT) {
            // P × max(0, (c − w) / C); with no correct option there is nothing to divide by: full unless w > 0
            score = bigC == 0 ? full(points, w) : fraction(points, Math.max(0, c - w), bigC);
            formula = "net correct (" + c + " right, " + w + " wrong, " + bigC + " correct options): "
                    + p + times + "max(0, (" + c + " " + MINUS + " " + w + ")/" + bigC + ")";
        } else if (rule == MultiSelectScoring.COVERAGE) {
            // P × (c / C) × (c / (c + w)); 0 when nothing correct is selected, blank included
            if (c == 0) {
                score = bigC == 0 ? full(points, w) : BigDecimal.ZERO;
                formula = "coverage: no correct option selected";
            } else {
                score = fraction(points, (long) c * c, (long) bigC * (c + w));
                formula = "coverage (" + c + " of " + bigC + " correct options, " + c + " of " + (c + w)
                        + " selections right): " + p + times + c + "/" + bigC + times + c + "/" + (c + w);
            }
        } else {
            // P × (1 − (w + missed) / n), computed as P × (n − w − missed) / n
            score = n == 0 ? points : fraction(points, n - w - missed, n);
            formula = "each answer (" + (w + missed) + " of " + n + " options answered wrong): "
                    + p + times + "(1 " + MINUS + " " + (w + missed) + "/" + n + ")";
        }
        // the formula shows counts only (which the score gives away anyway), never which options
        reasons.add(formula + " = " + inText(score));
        keyFree.add(formula + " = " + inText(score));
        return new Result(score, reasons, keyFree);
    }

    /** "1 option wrong", "3 options wrong": missed and wrongly selected options alike, without naming them. */
    private static String optionsWrong(Tally tally) {
        int count = tally.errors().size();
        return count + (count == 1 ? " option wrong" : " options wrong");
    }

    private static BigDecimal full(BigDecimal points, int wrong) {
        return wrong == 0 ? points : BigDecimal.ZERO;
    }

    private static BigDecimal fraction(BigDecimal points, long numerator, long denominator) {
        return points.multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    /** @param keyFreeReasons the reasons without option keys, for students before solutions are released */
    private record Result(BigDecimal score, List<String> reasons, List<String> keyFreeReasons) {

        static Result same(BigDecimal score, List<String> reasons) {
            return new Result(score, reasons, reasons);
        }
    }

    /**
     * What the selection did, option by option; `either` options are not counted at all.
     *
     * @param errors "missed C" / "selected D" in option order
     * @param counted options that are not `either` (n)
     */
    private record Tally(int correctOptions, int correctSelected, int wrongSelected, int counted, List<String> errors) {

        static Tally of(MultiSelectQuestion question, Set<String> selected, UnaryOperator<String> label) {
            int correctOptions = 0;
            int correctSelected = 0;
            int wrongSelected = 0;
            int counted = 0;
            List<String> errors = new ArrayList<>();
            for (Option option : question.options()) {
                boolean chosen = selected.contains(option.key());
                if (option.correct() == Correctness.TRUE) {
                    counted++;
                    correctOptions++;
                    if (chosen) {
                        correctSelected++;
                    } else {
                        errors.add("missed " + label.apply(option.key()));
                    }
                } else if (option.correct() == Correctness.FALSE) {
                    counted++;
                    if (chosen) {
                        wrongSelected++;
                        errors.add("selected " + label.apply(option.key()));
                    }
                }
            }
            return new Tally(correctOptions, correctSelected, wrongSelected, counted, List.copyOf(errors));
        }
    }
}
