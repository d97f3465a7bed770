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
        List<Figure> solutionFigures)
        implements Question {

    public MultiSelectQuestion {
        figures = List.copyOf(figures);
        options = List.copyOf(options);
        solutionFigures = List.copyOf(solutionFigures);
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
     */
    public record Option(String key, String text, Correctness correct, String solution) {
    }

    /** An option's place in the key; EITHER options never count toward or against a score. */
    public enum Correctness {
        TRUE, FALSE, EITHER
    }
}
