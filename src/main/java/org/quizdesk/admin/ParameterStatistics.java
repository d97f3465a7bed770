package org.quizdesk.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.StudentVersion;

/**
 * Facility of each parameterised question by the value of each of its parameters, so an instructor sees whether
 * one value made the question harder (a list's entry, a range's value; numbers with many values in
 * {@link #BUCKETS} ranges of equal width). Each attempt's values are re-derived from its seed, as its page was.
 */
public final class ParameterStatistics {

    /** Up to this many distinct values are listed one by one; numbers with more are put in {@link #BUCKETS} ranges. */
    static final int MAX_VALUES = 8;
    static final int BUCKETS = 5;
    /** A spread of facility above this between values is flagged (as the issue flags an unfair pool). */
    static final BigDecimal UNEVEN = new BigDecimal("0.2");
    /** Fewer graded answers than this per value say too little to flag. */
    static final int ENOUGH = 5;

    private ParameterStatistics() {
    }

    /** One submitted attempt: its version seed and its graded scores by question id. */
    public record Seeded(long seed, Map<String, BigDecimal> scores) {
    }

    /** @param facility mean score as a share of the points, null with no graded answer */
    public record ValueFacility(String value, int graded, BigDecimal facility) {
    }

    public record ParameterFacility(String questionId, String parameter, List<ValueFacility> values) {

        /** Facility differs by more than {@link #UNEVEN} between values that each have enough graded answers. */
        public boolean uneven() {
            List<BigDecimal> facilities = values.stream().filter(v -> v.graded() >= ENOUGH && v.facility() != null)
                    .map(ValueFacility::facility).toList();
            return facilities.size() >= 2 && facilities.stream().max(Comparator.naturalOrder()).orElseThrow()
                    .subtract(facilities.stream().min(Comparator.naturalOrder()).orElseThrow()).compareTo(UNEVEN) > 0;
        }

        /** The spread of facility between the easiest and the hardest value, or null with fewer than two. */
        public BigDecimal spread() {
            List<BigDecimal> facilities = values.stream().map(ValueFacility::facility).filter(f -> f != null).toList();
            return facilities.size() < 2 ? null
                    : facilities.stream().max(Comparator.naturalOrder()).orElseThrow()
                            .subtract(facilities.stream().min(Comparator.naturalOrder()).orElseThrow());
        }
    }

    static List<ParameterFacility> of(Quiz quiz, List<Seeded> attempts) {
        if (quiz.parameters().isEmpty()) {
            return List.of();
        }
        List<StudentVersion> versions = attempts.stream().map(a -> StudentVersion.of(quiz, a.seed())).toList();
        List<ParameterFacility> result = new ArrayList<>();
        for (Question question : quiz.questions()) {
            if (question.points().signum() == 0) {
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            versions.forEach(v -> names.addAll(v.values(question.id()).keySet()));
            for (String name : names) {
                Map<String, List<BigDecimal>> scoresByValue = new LinkedHashMap<>();
                for (int i = 0; i < attempts.size(); i++) {
                    String value = versions.get(i).values(question.id()).get(name);
                    BigDecimal score = attempts.get(i).scores().get(question.id());
                    if (value != null && score != null) {
                        scoresByValue.computeIfAbsent(value, v -> new ArrayList<>()).add(score);
                    }
                }
                if (!scoresByValue.isEmpty()) {
                    result.add(new ParameterFacility(question.id(), name, facilities(grouped(scoresByValue), question)));
                }
            }
        }
        return result;
    }

    /** The values as listed: numbers in order, bucketed when there are many; words in the order first seen. */
    private static Map<String, List<BigDecimal>> grouped(Map<String, List<BigDecimal>> byValue) {
        Map<BigDecimal, List<BigDecimal>> numbers = new TreeMap<>();
        for (Map.Entry<String, List<BigDecimal>> entry : byValue.entrySet()) {
            BigDecimal number = number(entry.getKey());
            if (number == null) {
                return byValue;
            }
            numbers.put(number, entry.getValue());
        }
        Map<String, List<BigDecimal>> grouped = new LinkedHashMap<>();
        if (numbers.size() <= MAX_VALUES) {
            numbers.forEach((value, scores) -> grouped.put(value.toPlainString(), scores));
            return grouped;
        }
        BigDecimal low = ((TreeMap<BigDecimal, List<BigDecimal>>) numbers).firstKey();
        BigDecimal high = ((TreeMap<BigDecimal, List<BigDecimal>>) numbers).lastKey();
        BigDecimal width = high.subtract(low).divide(BigDecimal.valueOf(BUCKETS), QuizStatistics.MATH);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < BUCKETS; i++) {
            BigDecimal from = low.add(width.multiply(BigDecimal.valueOf(i)));
            BigDecimal to = i == BUCKETS - 1 ? high : low.add(width.multiply(BigDecimal.valueOf(i + 1)));
            labels.add(QuizStatistics.round(from).stripTrailingZeros().toPlainString() + (i == BUCKETS - 1 ? "\u2013" : "\u2013<")
                    + QuizStatistics.round(to).stripTrailingZeros().toPlainString());
            grouped.put(labels.get(i), new ArrayList<>());
        }
        numbers.forEach((value, scores) -> {
            int bucket = value.subtract(low).divide(width, QuizStatistics.MATH).intValue();
            grouped.get(labels.get(Math.min(BUCKETS - 1, bucket))).addAll(scores);
        });
        return grouped;
    }

    private static List<ValueFacility> facilities(Map<String, List<BigDecimal>> grouped, Question question) {
        List<ValueFacility> values = new ArrayList<>();
        grouped.forEach((value, scores) -> {
            BigDecimal mean = QuizStatistics.mean(scores);
            values.add(new ValueFacility(value, scores.size(),
                    mean == null ? null : QuizStatistics.round(mean.divide(question.points(), QuizStatistics.MATH))));
        });
        return values;
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
