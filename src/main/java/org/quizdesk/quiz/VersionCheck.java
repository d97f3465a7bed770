package org.quizdesk.quiz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Draws many students' versions of a quiz and reports the ones that fail: an expression that divides by zero or
 * gives no number, a {@code where} no draw meets. Used by {@code validate} (and, for seed 0, by every read).
 */
public final class VersionCheck {

    /** How many versions {@code validate} draws unless told otherwise. */
    public static final int DEFAULT_SEEDS = 1000;

    /** The seeds are the same on every run, so a reported seed can be previewed and a fix checked against it. */
    private static final long SEQUENCE = 0x5EED5EED5EEDL;

    private VersionCheck() {
    }

    /** Seed 0 (the file's version), then {@code count - 1} more from a fixed sequence. */
    public static long[] seeds(int count) {
        SplittableRandom random = new SplittableRandom(SEQUENCE);
        return LongStream.concat(LongStream.of(StudentVersion.FILE_ORDER),
                LongStream.generate(random::nextLong).filter(s -> s != StudentVersion.FILE_ORDER))
                .limit(Math.max(count, 1)).toArray();
    }

    /**
     * Each question or group that fails for any of the {@code count} seeds, once, with the first seed that fails
     * ({@code file:line: question 2.5: with seed N: … (fails for 112 of 1000 seeds)}).
     */
    public static List<QuizFileProblem> check(Quiz quiz, int count) {
        if (quiz.parameters().isEmpty()) {
            return List.of();
        }
        Map<String, QuizFileProblem> first = new LinkedHashMap<>();
        Map<String, Integer> failures = new HashMap<>();
        for (long seed : seeds(count)) {
            for (QuizFileProblem problem : problems(quiz, seed)) {
                first.putIfAbsent(problem.message().substring(0, problem.message().indexOf(':')), problem);
                failures.merge(problem.message().substring(0, problem.message().indexOf(':')), 1, Integer::sum);
            }
        }
        List<QuizFileProblem> problems = new ArrayList<>();
        first.forEach((item, problem) -> problems.add(new QuizFileProblem(problem.file(), problem.line(),
                problem.message() + " (fails for " + failures.get(item) + " of " + Math.max(count, 1) + " seeds)")));
        return problems;
    }

    /** The problems of one version: one per question or group whose draw fails. */
    static List<QuizFileProblem> problems(Quiz quiz, long seed) {
        List<QuizFileProblem> problems = new ArrayList<>();
        // every question and group, a pool's alternatives too (each may be drawn for some student)
        for (Item item : quiz.items()) {
            try {
                ParameterDraw.applyOrThrow(quiz, item, seed, new HashMap<>());
            } catch (ParameterDraw.Failure e) {
                String what = quiz.question(e.itemId).isPresent() ? "question " : "group ";
                problems.add(new QuizFileProblem(quiz.sourceFile(), e.line,
                        what + e.itemId + ": with seed " + seed + ": " + e.getMessage()));
            }
        }
        return problems;
    }
}
