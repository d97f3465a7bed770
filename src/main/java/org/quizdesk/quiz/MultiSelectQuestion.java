package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Choose all that apply.
 *
 * @param scoring the rule for questions with two or more correct options
 * @param singleCorrect the rule when exactly one option is correct (the seed's deduction only speaks of
 *     questions with multiple correct options, so this defaults to all-or-nothing)
 * @param penalty the deduction per error under {@link MultiSelectScoring#PER_ERROR}
 * @param shuffle each student sees the options in an order of their own (fixed options keep their place); the
 *     keys stay the file's, see {@link StudentVersion}
 */
public record MultiSelectQuestion(
        String id,
        BigDecimal points,
        String prompt,
        List<Figure> figures,
        List<Option> options,
        MultiSelectScoring scoring,
        MultiSelectScoring singleCorrect,
        BigDecimal penalty,
        String solution,
        List<Figure> solutionFigures,
        boolean shuffle)
        implements Question {

    public MultiSelectQuestion {
        figures = List.copyOf(figures);
        options = List.copyOf(options);
        solutionFigures = List.copyOf(solutionFigures);
    }

    public MultiSelectQuestion(String id, BigDecimal points, String prompt, List<Figure> figures, List<Option> options,
            MultiSelectScoring scoring, MultiSelectScoring singleCorrect, BigDecimal penalty, String solution,
            List<Figure> solutionFigures) {
        this(id, points, prompt, figures, options, scoring, singleCorrect, penalty, solution, solutionFigures, false);
    }

    public MultiSelectQuestion(String id, BigDecimal points, String prompt, List<Figure> figures, List<Option> options,
            MultiSelectScoring scoring, MultiSelectScoring singleCorrect, BigDecimal penalty, String solution) {
        this(id, points, prompt, figures, options, scoring, singleCorrect, penalty, solution, List.of());
    }

    public Optional<Option> option(String key) {
        return options.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    public long correctCount() {
        return options.stream().filter(o -> o.correct() == Correctness.TRUE).count();
    }

    /**
     * The rule that applies to this question's key: the per-error deduction is written for questions with
     * several correct options, so with exactly one the single-correct rule takes over; other rules apply as named.
     */
    public MultiSelectScoring effectiveScoring() {
        return correctCount() == 1 && scoring == MultiSelectScoring.PER_ERROR ? singleCorrect : scoring;
    }

    @Override
    public QuestionKind kind() {
        return QuestionKind.MULTI_SELECT;
    }

    /**
     * @param solution why this option is (or is not) part of the key (Markdown), or null
     * @param fixed keeps its place when the options are shuffled ("none of the above")
     */
    public record Option(String key, String text, Correctness correct, String solution, boolean fixed) {

        public Option(String key, String text, Correctness correct, String solution) {
            this(key, text, correct, solution, false);
        }
    }

    /** An option's place in the key; EITHER options never count toward or against a score. */
    public enum Correctness {
        TRUE, FALSE, EITHER
    }
}
