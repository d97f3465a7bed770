package org.quizdesk.interchange;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.quizdesk.grading.Answer;
import org.quizdesk.grading.Grader;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.MultiSelectQuestion.Correctness;
import org.quizdesk.quiz.MultiSelectQuestion.Option;
import org.quizdesk.quiz.MultiSelectScoring;
import org.quizdesk.quiz.Points;

/**
 * Choice scoring as Moodle and QTI write it: a weight per option (a fraction of the points), the selected
 * options' weights summed and kept between 0 and 1; or, for a single-choice question (radio buttons), the chosen
 * option's weight. Quizdesk instead names a rule ({@code per_error}, {@code net_correct}, …). Both directions go
 * through here: every possible answer is scored both ways with Quizdesk's own {@link Grader}, and where they differ
 * is said, so an import or export never changes scores silently.
 *
 * @param weights each option's fraction of the points, in the options' order (1 = full points, may be negative)
 * @param single the source lets a student choose one option only
 */
record OptionWeights(List<BigDecimal> weights, boolean single) {

    /** Beyond this many options only answers of up to {@link #LARGE_PICKS} options are compared (2^n grows fast). */
    private static final int ALL_SUBSETS_UP_TO = 10;
    private static final int LARGE_PICKS = 3;
    private static final BigDecimal CLOSE = new BigDecimal("0.005");

    /** A question and, when some answers score differently than in the source, the sentence that says so. */
    record Fitted(MultiSelectQuestion question, Optional<String> difference) {
    }

    /**
     * The Quizdesk question nearest to these weights: positive weights are the key; zero weights are "either" when
     * the question also has negative weights (the author penalised wrong options, so a zero is one that does not
     * matter), else wrong; the rule with the fewest answers scored differently wins, per_error first on a tie.
     *
     * @param template the question with its options (their {@code correct} is replaced)
     * @param system the source's name for messages ("Moodle", "QTI")
     */
    Fitted fit(MultiSelectQuestion template, String system) {
        boolean anyNegative = weights.stream().anyMatch(w -> w.signum() < 0);
        BigDecimal best = weights.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < template.options().size(); i++) {
            Option o = template.options().get(i);
            BigDecimal w = weights.get(i);
            // one choice only: the best option is the key, one of partial credit is wrong (and the scores differ)
            boolean right = single ? w.signum() > 0 && w.compareTo(best) == 0 : w.signum() > 0;
            Correctness correct = right ? Correctness.TRUE
                    : w.signum() == 0 && anyNegative && !single ? Correctness.EITHER : Correctness.FALSE;
            options.add(new Option(o.key(), o.text(), correct, o.solution(), o.fixed()));
        }
        if (options.stream().noneMatch(o -> o.correct() == Correctness.TRUE)) {
            int highest = weights.indexOf(best);
            Option o = options.get(highest);
            options.set(highest, new Option(o.key(), o.text(), Correctness.TRUE, o.solution(), o.fixed()));
        }
        BigDecimal points = template.points();
        long correctCount = options.stream().filter(o -> o.correct() == Correctness.TRUE).count();
        List<MultiSelectQuestion> candidates = new ArrayList<>();
        Set<BigDecimal> penalties = new LinkedHashSet<>();
        penalties.add(points.divide(BigDecimal.valueOf(correctCount), MathContext.DECIMAL64).stripTrailingZeros());
        weights.stream().filter(w -> w.signum() < 0)
                .forEach(w -> penalties.add(w.negate().multiply(points).stripTrailingZeros()));
        if (single) {
            // a single-choice source is all-or-nothing when nothing tells the rules apart
            candidates.add(with(template, options, MultiSelectScoring.ALL_OR_NOTHING, BigDecimal.valueOf(2)));
        }
        for (BigDecimal penalty : penalties) {
            if (penalty.scale() <= 4) {
                candidates.add(with(template, options, MultiSelectScoring.PER_ERROR, penalty));
            }
        }
        for (MultiSelectScoring rule : List.of(MultiSelectScoring.ALL_OR_NOTHING, MultiSelectScoring.NET_CORRECT,
                MultiSelectScoring.COVERAGE, MultiSelectScoring.EACH_ANSWER)) {
            candidates.add(with(template, options, rule, BigDecimal.valueOf(2)));
        }
        MultiSelectQuestion nearest = null;
        List<String> nearestDifferences = null;
        for (MultiSelectQuestion candidate : candidates) {
            List<String> differences = differences(candidate, system);
            if (nearest == null || differences.size() < nearestDifferences.size()) {
                nearest = candidate;
                nearestDifferences = differences;
            }
        }
        return new Fitted(nearest, summary(nearestDifferences, nearest));
    }

    /** The sentence that says for how many answers a Quizdesk question scores differently than these weights. */
    Optional<String> compare(MultiSelectQuestion question, String system) {
        return summary(differences(question, system), question);
    }

    private Optional<String> summary(List<String> differences, MultiSelectQuestion question) {
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        int shown = Math.min(3, differences.size());
        return Optional.of("scores differ for " + differences.size() + " of the possible answers under Quizdesk's "
                + question.effectiveScoring().fileName() + " rule, e.g. " + String.join("; ", differences.subList(0, shown)));
    }

    private static MultiSelectQuestion with(MultiSelectQuestion q, List<Option> options, MultiSelectScoring rule,
            BigDecimal penalty) {
        return new MultiSelectQuestion(q.id(), q.points(), q.prompt(), q.figures(), options, rule, rule, penalty,
                q.solution(), q.solutionFigures(), q.shuffle());
    }

    private List<String> differences(MultiSelectQuestion question, String system) {
        List<String> keys = question.options().stream().map(Option::key).toList();
        List<String> found = new ArrayList<>();
        int n = keys.size();
        for (Set<Integer> picked : answers(n)) {
            if (single && picked.size() > 1) {
                continue; // the source never lets a student choose two
            }
            BigDecimal source = source(picked).multiply(question.points());
            String[] selected = picked.stream().map(keys::get).toArray(String[]::new);
            BigDecimal quizdesk = Grader.grade(question, Optional.of(Answer.Selection.of(selected))).score();
            if (source.subtract(quizdesk).abs().compareTo(CLOSE) > 0) {
                String answer = selected.length == 0 ? "blank" : String.join(", ", selected);
                found.add(answer + ": " + system + " " + Points.inText(source.setScale(2, RoundingMode.HALF_EVEN))
                        + ", Quizdesk " + Points.inText(quizdesk.setScale(2, RoundingMode.HALF_EVEN)));
            }
        }
        return found;
    }

    /** The source's fraction of the points for the picked options. */
    private BigDecimal source(Set<Integer> picked) {
        BigDecimal sum = picked.stream().map(weights::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (single) {
            return sum.max(BigDecimal.ZERO);
        }
        return sum.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }

    /** Every answer (set of option indexes), smallest first; answers of a few options only on long questions. */
    private static List<Set<Integer>> answers(int n) {
        List<Set<Integer>> all = new ArrayList<>();
        boolean everything = n <= ALL_SUBSETS_UP_TO;
        for (long mask = 0; mask < (1L << Math.min(n, 20)); mask++) {
            if (!everything && Long.bitCount(mask) > LARGE_PICKS) {
                continue;
            }
            Set<Integer> picked = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1L << i)) != 0) {
                    picked.add(i);
                }
            }
            all.add(picked);
        }
        all.sort((a, b) -> a.size() != b.size() ? Integer.compare(a.size(), b.size())
                : a.toString().compareTo(b.toString()));
        return all;
    }

    /** The weights that carry a Quizdesk question to a weight-based format (see the documentation's table). */
    static OptionWeights of(MultiSelectQuestion question) {
        long c = question.correctCount();
        MultiSelectScoring rule = question.effectiveScoring();
        boolean single = c == 1 && rule == MultiSelectScoring.ALL_OR_NOTHING;
        BigDecimal right = BigDecimal.ONE.divide(BigDecimal.valueOf(c), 7, RoundingMode.HALF_EVEN);
        BigDecimal wrong = switch (rule) {
            case PER_ERROR -> question.points().signum() == 0 ? right
                    : question.penalty().divide(question.points(), 7, RoundingMode.HALF_EVEN).min(BigDecimal.ONE);
            case ALL_OR_NOTHING -> BigDecimal.ONE;
            default -> right;
        };
        List<BigDecimal> weights = question.options().stream().map(o -> switch (o.correct()) {
            case TRUE -> right;
            case EITHER -> BigDecimal.ZERO;
            case FALSE -> single ? BigDecimal.ZERO : wrong.negate();
        }).collect(Collectors.toList());
        return new OptionWeights(weights, single);
    }
}
