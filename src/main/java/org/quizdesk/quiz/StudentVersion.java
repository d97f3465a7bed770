package org.quizdesk.quiz;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One student's version of a quiz: each pool's drawn alternatives, the order of each shuffled section's items and of
 * each shuffled multi_select's options, derived from the quiz and the attempt's seed alone, so every page, grading, the review, the staff pages
 * and the command line re-derive the same version and nothing of it needs storing. Keys stay the file's: only the
 * order changes, and the letter a student sees (A, B, C… by position) is {@link #label}. Plain Java, no Spring.
 */
public final class StudentVersion {

    /** The seed of attempts started before versions existed, and of previews of the file: everything in file order. */
    public static final long FILE_ORDER = 0;

    private final Quiz file;
    private final long seed;
    private final Quiz quiz;
    /** Per shuffled multi_select: option key -> the letter the student sees. */
    private final Map<String, Map<String, String>> labels;
    /** Per parameterised question: its values (the group's, then its own) as the student sees them. */
    private final Map<String, Map<String, String>> values;

    private StudentVersion(Quiz file, long seed, Quiz quiz, Map<String, Map<String, String>> labels,
            Map<String, Map<String, String>> values) {
        this.file = file;
        this.seed = seed;
        this.quiz = quiz;
        this.labels = labels;
        this.values = values;
    }

    /** A new attempt's seed: secure (a student cannot predict a classmate's version) and never {@link #FILE_ORDER}. */
    public static long newSeed(SecureRandom random) {
        long seed;
        do {
            seed = random.nextLong();
        } while (seed == FILE_ORDER);
        return seed;
    }

    /**
     * The version of {@code file} for {@code seed}: each pool's drawn alternatives in its place, the parameters'
     * values written in, then the shuffles. {@link #FILE_ORDER} is the file's order with each pool's first
     * alternatives and the parameters' first values (see {@link ParameterDraw}); a quiz without pools, shuffles or
     * parameters is the file itself.
     */
    public static StudentVersion of(Quiz file, long seed) {
        Map<String, Map<String, String>> values = new HashMap<>();
        if (seed == FILE_ORDER && file.pools().isEmpty()) {
            return new StudentVersion(file, seed, file.parameters().isEmpty() ? file : withValues(file, seed, values),
                    Map.of(), Map.copyOf(values));
        }
        Map<String, Map<String, String>> labels = new HashMap<>();
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < file.sections().size(); i++) {
            Section section = file.sections().get(i);
            List<Item> items = new ArrayList<>();
            for (Item item : section.items()) {
                for (Item drawn : item instanceof Pool pool ? drawn(pool, seed) : List.of(item)) {
                    Item withValues = ParameterDraw.apply(file, drawn, seed, values);
                    items.add(withValues instanceof QuestionGroup group ? withParts(group, seed, labels)
                            : question((Question) withValues, seed, labels));
                }
            }
            if (section.shuffle() && seed != FILE_ORDER) {
                shuffle(items, new boolean[items.size()], random(seed, "section " + (i + 1)));
            }
            sections.add(new Section(section.title(), section.recommended(), section.instructions(), section.scoring(),
                    items, section.shuffle()));
        }
        Quiz quiz = new Quiz(file.id(), file.title(), file.course(), file.date(), file.timeLimit(), file.honorCode(),
                file.instructions(), sections, file.sourceFile(), file.parameters());
        return new StudentVersion(file, seed, quiz, Map.copyOf(labels), Map.copyOf(values));
    }

    /** The file's order with the seed's parameter values written in. */
    private static Quiz withValues(Quiz file, long seed, Map<String, Map<String, String>> values) {
        List<Section> sections = file.sections().stream()
                .map(s -> new Section(s.title(), s.recommended(), s.instructions(), s.scoring(),
                        s.items().stream().map(item -> ParameterDraw.apply(file, item, seed, values)).toList(),
                        s.shuffle()))
                .toList();
        return new Quiz(file.id(), file.title(), file.course(), file.date(), file.timeLimit(), file.honorCode(),
                file.instructions(), sections, file.sourceFile(), file.parameters());
    }

    /**
     * The pool's {@code pick} alternatives for this seed, in the file's order: uniformly drawn without repetition
     * from a stream of the pool's own (so a shuffle added elsewhere changes no student's alternatives), or the
     * first ones for {@link #FILE_ORDER}.
     */
    static List<Item> drawn(Pool pool, long seed) {
        List<Item> alternatives = pool.alternatives();
        int pick = Math.min(pool.pick(), alternatives.size());
        if (seed == FILE_ORDER) {
            return alternatives.subList(0, pick);
        }
        // a partial Fisher–Yates: the first pick places of a uniform random permutation
        int[] order = new int[alternatives.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = random(seed, "pool " + pool.id());
        for (int i = 0; i < pick; i++) {
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] chosen = Arrays.copyOf(order, pick);
        Arrays.sort(chosen);
        List<Item> drawn = new ArrayList<>();
        for (int index : chosen) {
            drawn.add(alternatives.get(index));
        }
        return List.copyOf(drawn);
    }

    /** The quiz as the file has it (the order that grading, CSVs and statistics use). */
    public Quiz file() {
        return file;
    }

    public long seed() {
        return seed;
    }

    /** The quiz in this student's order; keys, points and the key are the file's. */
    public Quiz quiz() {
        return quiz;
    }

    /**
     * The values of a parameterised question in this version (its group's, then its own, by name, written as
     * the student sees them); empty for a question without parameters.
     */
    public Map<String, String> values(String questionId) {
        return values.getOrDefault(questionId, Map.of());
    }

    /** The pool's alternatives in this version (the file's pool; see {@link #quiz()} for where they stand). */
    public List<Item> drawn(Pool pool) {
        return drawn(pool, seed);
    }

    /** Whether the question is one of this student's (a pool's alternative is only for those who drew it). */
    public boolean has(String questionId) {
        return quiz.question(questionId).isPresent();
    }

    /** Whether this student's options of the question are lettered by position rather than shown by the file's keys. */
    public boolean relabels(String questionId) {
        return labels.containsKey(questionId);
    }

    /**
     * What the student saw for the file's option {@code key}: its letter in their order for a shuffled question,
     * else the key itself (an unshuffled question shows the file's keys, as it always has).
     */
    public String label(String questionId, String key) {
        Map<String, String> byKey = labels.get(questionId);
        return byKey == null ? key : byKey.getOrDefault(key, key);
    }

    private static QuestionGroup withParts(QuestionGroup group, long seed, Map<String, Map<String, String>> labels) {
        List<Question> parts = group.parts().stream().map(p -> question(p, seed, labels)).toList();
        return new QuestionGroup(group.id(), group.prompt(), group.figures(), parts);
    }

    private static Question question(Question question, long seed, Map<String, Map<String, String>> labels) {
        if (!(question instanceof MultiSelectQuestion multi) || !multi.shuffle() || seed == FILE_ORDER) {
            return question;
        }
        List<MultiSelectQuestion.Option> options = new ArrayList<>(multi.options());
        boolean[] fixed = new boolean[options.size()];
        for (int i = 0; i < fixed.length; i++) {
            fixed[i] = options.get(i).fixed();
        }
        shuffle(options, fixed, random(seed, "options " + multi.id()));
        Map<String, String> letters = new HashMap<>();
        for (int i = 0; i < options.size(); i++) {
            letters.put(options.get(i).key(), letter(i));
        }
        labels.put(multi.id(), Map.copyOf(letters));
        return new MultiSelectQuestion(multi.id(), multi.points(), multi.prompt(), multi.figures(), options,
                multi.scoring(), multi.singleCorrect(), multi.penalty(), multi.solution(), multi.solutionFigures(), true);
    }

    /** A, B, … Z, then AA, AB, … (a question with more than 26 options is unlikely, but not refused). */
    static String letter(int index) {
        String letter = String.valueOf((char) ('A' + index % 26));
        return index < 26 ? letter : letter(index / 26 - 1) + letter;
    }

    /** Fisher–Yates over the places not marked fixed: the fixed elements stay where they are. */
    private static <T> void shuffle(List<T> list, boolean[] fixed, SplittableRandom random) {
        List<Integer> movable = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!fixed[i]) {
                movable.add(i);
            }
        }
        for (int i = movable.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int a = movable.get(i);
            int b = movable.get(j);
            T swap = list.get(a);
            list.set(a, list.get(b));
            list.set(b, swap);
        }
    }

    /**
     * A generator of its own per shuffled thing, from the seed and the thing's name (a section's number, a
     * question's id): adding a shuffle to one question leaves every other order of the version as it was.
     */
    static SplittableRandom random(long seed, String what) {
        return new SplittableRandom(seed ^ fnv1a(what));
    }

    /** FNV-1a, 64 bit: a hash of the name that is the same on every JVM (String.hashCode is only 32 bits). */
    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
