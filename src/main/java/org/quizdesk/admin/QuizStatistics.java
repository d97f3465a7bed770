package org.quizdesk.admin;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.quizdesk.grading.Answer;
import org.quizdesk.grading.AnswerSheet;
import org.quizdesk.quiz.Item;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.Points;
import org.quizdesk.quiz.Pool;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.QuestionGroup;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.ShortAnswerQuestion;

/**
 * Item analysis of a quiz's submitted attempts, as pure functions of the scores and answers. Standard deviation is
 * the population's (the class is the whole population); the discrimination index compares the top and bottom 27%
 * by total (Kelley): D = (mean score in the top group − mean in the bottom group) / points. A pool's alternatives
 * are measured among the attempts that drew each, and compared with each other.
 */
public final class QuizStatistics {

    static final MathContext MATH = MathContext.DECIMAL64;
    static final int BINS = 10;
    static final double GROUP_FRACTION = 0.27;
    static final int COMMON_ANSWERS = 5;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private QuizStatistics() {
    }

    /**
     * One submitted attempt. scores hold the graded questions only; pending the student's questions that wait for a
     * grader (a question in neither was not in the student's version: a pool's alternative they did not draw).
     */
    public record Sample(BigDecimal total, Duration timeUsed, Map<String, BigDecimal> scores, AnswerSheet answers,
            Set<String> pending) {

        public Sample {
            pending = Set.copyOf(pending);
        }

        public Sample(BigDecimal total, Duration timeUsed, Map<String, BigDecimal> scores, AnswerSheet answers) {
            this(total, timeUsed, scores, answers, Set.of());
        }

        /** Whether the question was in this student's version. */
        boolean drew(String questionId) {
            return scores.containsKey(questionId) || pending.contains(questionId);
        }
    }

    public record Bin(String label, int count, int percentOfLargest) {
    }

    public record OptionStats(String key, String correct, int picked, BigDecimal rate) {

        /** A correct option most left out, or a wrong one most picked: the wording may have misled the class. */
        public boolean confusing() {
            if (rate == null) {
                return false;
            }
            BigDecimal half = new BigDecimal("0.5");
            return "true".equals(correct) && rate.compareTo(half) < 0 || "false".equals(correct) && rate.compareTo(half) > 0;
        }
    }

    public record AnswerCount(String answer, int count) {
    }

    /** facility and discrimination are null without graded answers (or, for discrimination, fewer than two attempts). */
    public record QuestionStats(String id, BigDecimal max, int graded, BigDecimal mean, BigDecimal facility,
            BigDecimal discrimination, List<OptionStats> options, List<AnswerCount> commonAnswers) {
    }

    /**
     * One alternative of a pool.
     *
     * @param drawn the submitted attempts whose version had it
     * @param facility and discrimination over those attempts alone; null as for a question
     */
    public record AlternativeStats(String id, BigDecimal points, int drawn, BigDecimal mean, BigDecimal facility,
            BigDecimal discrimination) {
    }

    /**
     * A pool's alternatives side by side.
     *
     * @param easiest the alternative with the highest facility among those drawn by at least the minimum number of
     *     attempts, null when fewer than two were
     * @param hardest likewise the lowest
     * @param minAttempts the attempts each alternative needs before the page compares it
     */
    public record PoolStats(String id, int pick, List<AlternativeStats> alternatives, AlternativeStats easiest,
            AlternativeStats hardest, int minAttempts) {

        /** Alternatives of one pool differ markedly: some students got a much easier quiz than others. */
        public boolean unfair() {
            return easiest != null && easiest.facility().subtract(hardest.facility()).compareTo(UNFAIR_SPREAD) > 0;
        }
    }

    public record Result(int count, BigDecimal max, BigDecimal mean, BigDecimal median, BigDecimal standardDeviation,
            List<Bin> histogram, List<Bin> timeHistogram, List<QuestionStats> questions, List<PoolStats> pools) {
    }

    /** A spread of facility between a pool's alternatives above which the page flags the pool. */
    static final BigDecimal UNFAIR_SPREAD = new BigDecimal("0.2");

    /** With the default minimum of attempts per alternative before a pool's alternatives are compared. */
    public static Result of(Quiz quiz, List<Sample> samples) {
        return of(quiz, samples, AdminProperties.POOL_MIN_ATTEMPTS);
    }

    /** @param poolMinAttempts the attempts each alternative of a pool needs before their facility is compared */
    public static Result of(Quiz quiz, List<Sample> samples, int poolMinAttempts) {
        BigDecimal max = quiz.maxPoints();
        List<BigDecimal> totals = samples.stream().map(Sample::total).sorted().toList();
        Set<String> inPools = quiz.pools().stream().flatMap(p -> p.alternatives().stream()).flatMap(QuizStatistics::leaves)
                .map(Question::id).collect(Collectors.toSet());
        // a pool's alternative is measured among the attempts that drew it (option rates too)
        List<QuestionStats> questions = quiz.questions().stream()
                .map(q -> question(q, inPools.contains(q.id()) ? drawn(samples, List.of(q.id())) : samples)).toList();
        List<PoolStats> pools = quiz.pools().stream().map(p -> pool(p, samples, poolMinAttempts)).toList();
        return new Result(samples.size(), max, mean(totals), median(totals), standardDeviation(totals),
                histogram(totals, max), timeHistogram(samples), questions, pools);
    }

    static PoolStats pool(Pool pool, List<Sample> samples, int minAttempts) {
        List<AlternativeStats> alternatives = pool.alternatives().stream().map(a -> alternative(a, samples)).toList();
        List<AlternativeStats> compared = alternatives.stream()
                .filter(a -> a.drawn() >= minAttempts && a.facility() != null).toList();
        AlternativeStats easiest = compared.size() < 2 ? null
                : compared.stream().max(Comparator.comparing(AlternativeStats::facility)).orElseThrow();
        AlternativeStats hardest = compared.size() < 2 ? null
                : compared.stream().min(Comparator.comparing(AlternativeStats::facility)).orElseThrow();
        return new PoolStats(pool.id(), pool.pick(), alternatives, easiest, hardest, minAttempts);
    }

    /** A question, or a group whose score is the sum of its parts' scores. */
    static AlternativeStats alternative(Item alternative, List<Sample> samples) {
        List<String> ids = leaves(alternative).map(Question::id).toList();
        List<Sample> drawn = drawn(samples, ids);
        Function<Sample, BigDecimal> score = sample -> ids.stream().map(sample.scores()::get).filter(Objects::nonNull)
                .reduce(BigDecimal::add).orElse(null);
        BigDecimal points = alternative.points();
        BigDecimal mean = mean(drawn.stream().map(score).filter(Objects::nonNull).toList());
        BigDecimal facility = mean == null || points.signum() == 0 ? null : round(mean.divide(points, MATH));
        return new AlternativeStats(alternative.id(), points, drawn.size(), mean, facility,
                discrimination(score, points, drawn));
    }

    private static List<Sample> drawn(List<Sample> samples, List<String> questionIds) {
        return samples.stream().filter(s -> questionIds.stream().anyMatch(s::drew)).toList();
    }

    private static Stream<Question> leaves(Item item) {
        return item instanceof QuestionGroup group ? group.parts().stream() : Stream.of((Question) item);
    }

    static BigDecimal mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        return round(values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), MATH));
    }

    static BigDecimal median(List<BigDecimal> sorted) {
        int n = sorted.size();
        if (n == 0) {
            return null;
        }
        return n % 2 == 1 ? round(sorted.get(n / 2))
                : round(sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MATH));
    }

    static BigDecimal standardDeviation(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        BigDecimal mean = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), MATH);
        BigDecimal squares = values.stream().map(v -> v.subtract(mean).pow(2)).reduce(BigDecimal.ZERO, BigDecimal::add);
        return round(squares.divide(BigDecimal.valueOf(values.size()), MATH).sqrt(MATH));
    }

    static List<Bin> histogram(List<BigDecimal> totals, BigDecimal max) {
        if (max.signum() == 0) {
            return List.of();
        }
        BigDecimal width = max.divide(BigDecimal.valueOf(BINS), MATH);
        int[] counts = new int[BINS];
        for (BigDecimal total : totals) {
            int bin = total.divide(width, MATH).setScale(0, RoundingMode.FLOOR).intValue();
            counts[Math.max(0, Math.min(BINS - 1, bin))]++;
        }
        List<String> labels = IntStream.range(0, BINS).mapToObj(i -> {
            String from = plain(width.multiply(BigDecimal.valueOf(i)));
            String to = plain(width.multiply(BigDecimal.valueOf(i + 1)));
            return i == BINS - 1 ? from + "\u2013" + to : from + "\u2013<" + to;
        }).toList();
        return bins(labels, counts);
    }

    /** Minutes used, in bins of 5 minutes (10 beyond an hour). */
    static List<Bin> timeHistogram(List<Sample> samples) {
        List<Long> seconds = samples.stream().map(Sample::timeUsed).filter(t -> t != null).map(Duration::toSeconds).toList();
        if (seconds.isEmpty()) {
            return List.of();
        }
        long longest = seconds.stream().mapToLong(Long::longValue).max().orElse(0);
        long width = longest > 3600 ? 600 : 300;
        int count = (int) (longest / width) + 1;
        int[] counts = new int[count];
        seconds.forEach(s -> counts[(int) (s / width)]++);
        List<String> labels = IntStream.range(0, count)
                .mapToObj(i -> (i * width / 60) + "\u2013" + ((i + 1) * width / 60) + " min").toList();
        return bins(labels, counts);
    }

    private static List<Bin> bins(List<String> labels, int[] counts) {
        int largest = IntStream.of(counts).max().orElse(0);
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            bins.add(new Bin(labels.get(i), counts[i], largest == 0 ? 0 : (int) Math.round(100.0 * counts[i] / largest)));
        }
        return bins;
    }

    static QuestionStats question(Question question, List<Sample> samples) {
        List<BigDecimal> graded = samples.stream().map(s -> s.scores().get(question.id())).filter(s -> s != null).toList();
        BigDecimal mean = mean(graded);
        BigDecimal facility = mean == null || question.points().signum() == 0 ? null
                : round(mean.divide(question.points(), MATH));
        return new QuestionStats(question.id(), question.points(), graded.size(), mean, facility,
                discrimination(question, samples), options(question, samples), commonAnswers(question, samples));
    }

    static BigDecimal discrimination(Question question, List<Sample> samples) {
        return discrimination(s -> s.scores().get(question.id()), question.points(), samples);
    }

    private static BigDecimal discrimination(Function<Sample, BigDecimal> score, BigDecimal points, List<Sample> samples) {
        int n = samples.size();
        if (n < 2 || points.signum() == 0) {
            return null;
        }
        int group = Math.max(1, (int) Math.round(GROUP_FRACTION * n));
        // stable: ties keep the order of the samples, so the groups are reproducible
        List<Sample> byTotal = samples.stream().sorted(Comparator.comparing(Sample::total).reversed()).toList();
        Optional<BigDecimal> upper = groupMean(byTotal.subList(0, group), score);
        Optional<BigDecimal> lower = groupMean(byTotal.subList(n - group, n), score);
        if (upper.isEmpty() || lower.isEmpty()) {
            return null;
        }
        return round(upper.get().subtract(lower.get()).divide(points, MATH));
    }

    private static Optional<BigDecimal> groupMean(List<Sample> group, Function<Sample, BigDecimal> score) {
        return Optional.ofNullable(mean(group.stream().map(score).filter(Objects::nonNull).toList()));
    }

    /** How often each option of a choose-all-that-apply question was picked, of all submitted attempts. */
    static List<OptionStats> options(Question question, List<Sample> samples) {
        if (!(question instanceof MultiSelectQuestion multi)) {
            return List.of();
        }
        List<OptionStats> options = new ArrayList<>();
        for (MultiSelectQuestion.Option option : multi.options()) {
            int picked = (int) samples.stream().filter(s -> picked(s.answers(), question.id(), option.key())).count();
            BigDecimal rate = samples.isEmpty() ? null : round(BigDecimal.valueOf(picked).divide(BigDecimal.valueOf(samples.size()), MATH));
            options.add(new OptionStats(option.key(), option.correct().name().toLowerCase(Locale.ROOT), picked, rate));
        }
        return options;
    }

    private static boolean picked(AnswerSheet answers, String questionId, String key) {
        Optional<Answer> answer = answers.get(questionId);
        return answer.isPresent() && answer.get() instanceof Answer.Selection selection && selection.keys().contains(key);
    }

    /** The most frequent short answers (trimmed, case and spacing folded), to spot a spelling the key should accept. */
    static List<AnswerCount> commonAnswers(Question question, List<Sample> samples) {
        if (!(question instanceof ShortAnswerQuestion shortAnswer) || shortAnswer.manual()) {
            return List.of();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Sample sample : samples) {
            sample.answers().get(question.id()).filter(a -> a instanceof Answer.Text)
                    .map(a -> ((Answer.Text) a).value().strip())
                    .map(text -> WHITESPACE.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT))
                    .ifPresent(text -> counts.merge(text, 1, Integer::sum));
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(COMMON_ANSWERS).map(e -> new AnswerCount(e.getKey(), e.getValue())).collect(Collectors.toList());
    }

    static BigDecimal round(BigDecimal value) {
        return value.setScale(3, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal value) {
        return Points.format(value.round(new MathContext(4)), Locale.ROOT);
    }
}
