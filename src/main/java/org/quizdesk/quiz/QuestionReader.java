package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the items of a section: questions by type, groups of questions, and pools of alternatives (an item with
 * {@code pool: <id>}). Question and pool ids are checked for uniqueness across the whole quiz, so one reader serves
 * one file.
 */
final class QuestionReader {

    /** The type of a group: a stem over several questions, not a question kind of its own. */
    private static final String GROUP_TYPE = "group";
    /** The field that makes an item a pool (its id), in place of "id" and "type": alternatives, not a question. */
    private static final String POOL_ID = "pool";
    private static final String KNOWN_TYPES = Stream.concat(Stream.of(QuestionKind.values()).map(QuestionKind::fileName),
            Stream.of(GROUP_TYPE)).collect(Collectors.joining(", "));

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<String> COMMON =
            Set.of("id", "type", "points", "prompt", "figures", "solution", "solution_figures", "parameters", "where");
    private static final Set<String> TRUE_FALSE = union(COMMON, "answer");
    private static final Set<String> MULTI_SELECT =
            union(COMMON, "options", "scoring", "penalty", "single_correct", "shuffle");
    private static final Set<String> SHORT_ANSWER = union(COMMON, "accept", "grading", "rubric");
    // "points" is allowed here only to report it with a better message than "unknown field"
    private static final Set<String> GROUP =
            Set.of("id", "type", "prompt", "figures", "parts", "points", "parameters", "where");
    // "points" is allowed here only to report it with a better message than "unknown field"
    private static final Set<String> POOL = Set.of(POOL_ID, "pick", "alternatives", "points");
    private static final Set<String> ANY_TYPE = union(MULTI_SELECT, "answer", "accept", "grading", "rubric", "parts");
    private static final Set<String> OPTION = Set.of("key", "text", "correct", "solution", "fixed");
    /** Fields that belong elsewhere: reported with where they go rather than as unknown. */
    private static final Set<String> MISPLACED = Set.of("shuffle", "fixed");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final Problems problems;
    private final Map<String, Integer> idLines = new HashMap<>();
    private final boolean shuffleOptions;
    /** By the id of the question or group: its parameters, placeholders' expressions and expression answers. */
    private final Map<String, Parameters> parameters = new LinkedHashMap<>();
    /** The id of the pool whose alternatives are being read, else null. */
    private String readingPool;

    /** @param shuffleOptions the quiz's "shuffle": whether a multi_select without its own shuffles its options */
    QuestionReader(Problems problems, boolean shuffleOptions) {
        this.problems = problems;
        this.shuffleOptions = shuffleOptions;
    }

    /** A question or group, or null when it has problems (they are reported). */
    Item readItem(Node node) {
        return read(node, null, Set.of());
    }

    /** The parameters of every question and group read so far that has any (see {@link Quiz#parameters()}). */
    Map<String, Parameters> parameters() {
        return Map.copyOf(parameters);
    }

    /**
     * @param groupId the enclosing group's id for a part, null for an item of a section
     * @param inherited the names of the enclosing group's parameters
     */
    private Item read(Node node, String groupId, Set<String> inherited) {
        int before = problems.count();
        String unnamed = groupId != null ? "question in group " + groupId + ": "
                : readingPool != null ? "alternative in pool " + readingPool + ": " : "question: ";
        YamlMapping m = YamlMapping.of(node, "a question", unnamed, problems);
        if (m == null) {
            return null;
        }
        if (m.mentions(POOL_ID)) {
            Item pool = groupId == null && readingPool == null ? pool(m) : nestedPool(m, groupId);
            return problems.count() == before ? pool : null;
        }
        String id = readId(m, "id");
        if (id != null) {
            m.where("question " + id + ": ");
        }
        String type = m.text("type", true);
        Parameters own = ParameterReader.read(m, inherited);
        Item item = null;
        Optional<QuestionKind> kind = QuestionKind.ofFileName(type);
        boolean known = kind.isPresent() || GROUP_TYPE.equals(type);
        if (kind.isPresent()) {
            item = switch (kind.get()) {
                case TRUE_FALSE -> trueFalse(m, id);
                case MULTI_SELECT -> multiSelect(m, id);
                case SHORT_ANSWER -> ShortAnswerReader.read(m, id, points(m), prompt(m));
            };
        } else if (GROUP_TYPE.equals(type)) {
            item = groupId == null ? group(m, id, own) : nestedGroup(m);
        } else if (type != null) {
            m.problem(m.value("type"), "unknown type \"" + type + "\" (known: " + KNOWN_TYPES + ")");
        }
        if (item == null && !known) {
            // without a known type, check the fields against those any type may have
            m.allowOnly(union(ANY_TYPE, "fixed"));
        }
        if (item != null && id != null && problems.count() == before) {
            Parameters complete = ParameterReader.complete(m, own, inherited, item);
            if (complete != null) {
                parameters.put(id, complete);
            }
        }
        return problems.count() == before ? item : null;
    }

    /** @param field "id", or "pool" for a pool's id: both are ids of the quiz, unique across it */
    private String readId(YamlMapping m, String field) {
        String id = m.text(field, true);
        if (id == null) {
            return null;
        }
        Node at = m.value(field);
        if (!ID.matcher(id).matches()) {
            problems.add(at, "question id \"" + id + "\" may only use letters, digits, \".\", \"-\" and \"_\"");
        }
        Integer first = idLines.putIfAbsent(id, Problems.lineOf(at));
        if (first != null) {
            problems.add(at, "question id \"" + id + "\" appears twice (first at line " + first + ")");
        }
        return id;
    }

    private TrueFalseQuestion trueFalse(YamlMapping m, String id) {
        allowOnly(m, TRUE_FALSE, "a true_false question has no options to shuffle");
        BigDecimal points = points(m);
        String prompt = prompt(m);
        Boolean answer = m.bool("answer", true);
        List<Figure> figures = FigureReader.read(m, "figures");
        String solution = solution(m);
        return answer == null ? null
                : new TrueFalseQuestion(id, points, prompt, figures, answer, solution, solutionFigures(m));
    }

    private MultiSelectQuestion multiSelect(YamlMapping m, String id) {
        allowOnly(m, MULTI_SELECT, null);
        boolean shuffle = QuizFileReader.shuffle(m, shuffleOptions);
        BigDecimal points = points(m);
        String prompt = prompt(m);
        List<Figure> figures = FigureReader.read(m, "figures");
        MultiSelectScoring scoring = scoring(m, "scoring", MultiSelectScoring.PER_ERROR);
        MultiSelectScoring singleCorrect = scoring(m, "single_correct", MultiSelectScoring.ALL_OR_NOTHING);
        BigDecimal penalty = m.has("penalty") ? m.number("penalty", true) : TWO;
        if (penalty != null && penalty.signum() < 0) {
            m.problem(m.value("penalty"), "\"penalty\" must not be negative (it is " + penalty.toPlainString() + ")");
        }
        List<MultiSelectQuestion.Option> options = options(m);
        return new MultiSelectQuestion(id, points, prompt, figures, options, scoring, singleCorrect, penalty,
                solution(m), solutionFigures(m), shuffle);
    }

    private List<MultiSelectQuestion.Option> options(YamlMapping m) {
        List<MultiSelectQuestion.Option> options = new ArrayList<>();
        List<Node> nodes = m.list("options", true);
        if (nodes == null) {
            return options;
        }
        Set<String> keys = new HashSet<>();
        for (Node node : nodes) {
            YamlMapping o = YamlMapping.of(node, "an option", m.where(), problems);
            if (o == null) {
                continue;
            }
            String key = o.text("key", true);
            if (key != null) {
                if (!keys.add(key)) {
                    o.problem(o.value("key"), "option key \"" + key + "\" appears twice");
                }
                o.where(m.where() + "option " + key + ": ");
            }
            o.allowOnly(OPTION);
            String text = o.text("text", true);
            MultiSelectQuestion.Correctness correct = correctness(o);
            String solution = o.text("solution", false);
            Boolean fixed = o.bool("fixed", false);
            if (key != null && text != null && correct != null) {
                options.add(new MultiSelectQuestion.Option(key, text.strip(), correct,
                        solution == null ? null : solution.strip(), Boolean.TRUE.equals(fixed)));
            }
        }
        boolean anyTrue = options.stream().anyMatch(o -> o.correct() == MultiSelectQuestion.Correctness.TRUE);
        if (!anyTrue && options.size() == nodes.size()) {
            m.problem(m.lineOf("options"), "no option is \"correct: true\"; a multi_select needs at least one");
        }
        return options;
    }

    private static MultiSelectQuestion.Correctness correctness(YamlMapping o) {
        String text = o.text("correct", true);
        if (text == null) {
            return null;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return MultiSelectQuestion.Correctness.TRUE;
            case "false":
                return MultiSelectQuestion.Correctness.FALSE;
            case "either":
                return MultiSelectQuestion.Correctness.EITHER;
            default:
                o.problem(o.value("correct"), "\"correct\" must be true, false or either, not \"" + text + "\"");
                return null;
        }
    }

    private static MultiSelectScoring scoring(YamlMapping m, String key, MultiSelectScoring fallback) {
        String name = m.text(key, false);
        if (name == null) {
            return fallback;
        }
        for (MultiSelectScoring rule : MultiSelectScoring.values()) {
            if (rule.fileName().equals(name.trim())) {
                return rule;
            }
        }
        m.problem(m.value(key), "unknown scoring rule \"" + name + "\" in \"" + key + "\" (known: "
                + Stream.of(MultiSelectScoring.values()).map(MultiSelectScoring::fileName)
                        .collect(Collectors.joining(", ")) + ")");
        return null;
    }

    private QuestionGroup group(YamlMapping m, String id, Parameters own) {
        allowOnly(m, GROUP, "a group's parts keep their order; \"shuffle\" on the section shuffles its questions "
                + "and groups, and on a multi_select part its options");
        if (m.mentions("points")) {
            m.problem(m.lineOf("points"), "a group has no points of its own; give points to its parts "
                    + "(the group is worth their sum)");
        }
        String prompt = prompt(m);
        List<Figure> figures = FigureReader.read(m, "figures");
        List<Question> parts = new ArrayList<>();
        List<Node> nodes = m.list("parts", true);
        if (nodes != null) {
            for (Node node : nodes) {
                Item part = read(node, id == null ? "?" : id, ParameterReader.names(own));
                if (part instanceof Question) {
                    parts.add((Question) part);
                }
            }
        }
        return new QuestionGroup(id, prompt, figures, parts);
    }

    private Pool pool(YamlMapping m) {
        String id = readId(m, POOL_ID);
        if (id != null) {
            m.where("pool " + id + ": ");
        }
        allowOnly(m, POOL, "each student gets the pool's alternatives drawn from their version; \"shuffle\" on the "
                + "section orders them with its other questions");
        if (m.mentions("points")) {
            m.problem(m.lineOf("points"), "a pool has no points of its own; give points to its alternatives "
                    + "(the pool is worth pick × their points)");
        }
        Integer pick = pick(m);
        List<Node> nodes = m.list("alternatives", true);
        List<Item> alternatives = new ArrayList<>();
        if (nodes == null) {
            return null;
        }
        String name = id == null ? "?" : id;
        readingPool = name;
        try {
            Item first = null;
            for (Node node : nodes) {
                Item alternative = read(node, null, Set.of());
                if (alternative == null) {
                    continue;
                }
                if (first == null) {
                    first = alternative;
                } else if (alternative.points().compareTo(first.points()) != 0) {
                    problems.add(node, m.where() + "alternative " + alternative.id() + " is worth "
                            + Points.inText(alternative.points()) + " points, but " + first.id() + " is worth "
                            + Points.inText(first.points()) + "; every alternative of a pool must be worth the same "
                            + "points, so that every student's quiz is worth the same");
                }
                alternatives.add(alternative);
            }
        } finally {
            readingPool = null;
        }
        if (pick != null && pick > nodes.size()) {
            m.problem(m.value("pick"), "\"pick\" is " + pick + ", but the pool has only "
                    + nodes.size() + (nodes.size() == 1 ? " alternative" : " alternatives"));
        }
        return pick == null ? null : new Pool(id, pick, alternatives);
    }

    /** A pool's "pick": a whole number, at least 1. */
    private static Integer pick(YamlMapping m) {
        BigDecimal pick = m.number("pick", true);
        if (pick == null) {
            return null;
        }
        if (pick.stripTrailingZeros().scale() > 0 || pick.compareTo(BigDecimal.ONE) < 0
                || pick.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            m.problem(m.value("pick"), "\"pick\" must be a whole number of at least 1 (it is "
                    + pick.toPlainString() + ")");
            return null;
        }
        return pick.intValueExact();
    }

    private Item nestedPool(YamlMapping m, String groupId) {
        String id = m.text(POOL_ID, false);
        if (id != null) {
            m.where("pool " + id + ": ");
        }
        m.problem(m.lineOf(POOL_ID), groupId != null ? "a pool cannot be a part of a group (put the group in the pool "
                + "as an alternative instead)" : "a pool cannot be an alternative of another pool (pool " + readingPool + ")");
        return null;
    }

    private static Item nestedGroup(YamlMapping m) {
        m.problem(m.value("type"), "a group cannot be a part of another group");
        return null;
    }

    /**
     * {@link YamlMapping#allowOnly} that names where "shuffle" and "fixed" go when they are written where they do
     * not belong.
     *
     * @param noShuffle why "shuffle" does not apply here, or null where it is allowed
     */
    static void allowOnly(YamlMapping m, Set<String> allowed, String noShuffle) {
        m.allowOnly(union(allowed, MISPLACED.toArray(String[]::new)));
        if (noShuffle != null && m.mentions("shuffle")) {
            m.problem(m.lineOf("shuffle"), "\"shuffle\" does not apply here: " + noShuffle);
        }
        if (m.mentions("fixed")) {
            m.problem(m.lineOf("fixed"), "\"fixed\" belongs to an option of a multi_select (it keeps that option's "
                    + "place when the options are shuffled), not to a question");
        }
    }

    /** Question points: non-negative, in steps of 0.5. */
    static BigDecimal points(YamlMapping m) {
        BigDecimal points = m.number("points", true);
        if (points == null) {
            return null;
        }
        if (points.signum() < 0) {
            m.problem(m.value("points"), "\"points\" must not be negative (it is " + points.toPlainString() + ")");
        } else if (points.multiply(TWO).stripTrailingZeros().scale() > 0) {
            m.problem(m.value("points"), "\"points\" must be a whole or half number (it is "
                    + points.toPlainString() + ")");
        }
        return points;
    }

    static String prompt(YamlMapping m) {
        String prompt = m.text("prompt", true);
        return prompt == null ? null : prompt.strip();
    }

    static String solution(YamlMapping m) {
        String solution = m.text("solution", false);
        return solution == null ? null : solution.strip();
    }

    static List<Figure> solutionFigures(YamlMapping m) {
        return FigureReader.read(m, "solution_figures");
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
