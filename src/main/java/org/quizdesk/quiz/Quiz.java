package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A quiz as its file describes it: immutable, validated, independent of Spring and the database.
 *
 * @param id stable slug used in URLs, exports and as the database key
 * @param sourceFile the file it was read from, for messages (may be a display name such as "quizzes/x.yaml")
 * @param parameters by the id of a question or group: the values it draws per student and the expressions of its
 *     texts and answers (see {@link StudentVersion}); empty for a quiz without parameters
 */
public record Quiz(
        String id,
        String title,
        String course,
        String date,
        Duration timeLimit,
        String honorCode,
        String instructions,
        List<Section> sections,
        String sourceFile,
        Map<String, Parameters> parameters) {

    public Quiz {
        sections = List.copyOf(sections);
        parameters = Map.copyOf(parameters);
    }

    public Quiz(String id, String title, String course, String date, Duration timeLimit, String honorCode,
            String instructions, List<Section> sections, String sourceFile) {
        this(id, title, course, date, timeLimit, honorCode, instructions, sections, sourceFile, Map.of());
    }

    /**
     * Every question that receives a score, in the order of the file (group parts in place of their group, every
     * alternative of a pool in place of the pool: a student's own questions are {@link StudentVersion#quiz()}'s).
     */
    public List<Question> questions() {
        return items().stream().flatMap(Quiz::leaves).toList();
    }

    /** Every question and group of the file, in order, with all of a pool's alternatives in place of the pool. */
    public List<Item> items() {
        return sections.stream().flatMap(s -> s.items().stream())
                .flatMap(item -> item instanceof Pool pool ? pool.alternatives().stream() : Stream.of(item)).toList();
    }

    /** The pools of the file, in order. */
    public List<Pool> pools() {
        return sections.stream().flatMap(s -> s.items().stream()).filter(Pool.class::isInstance).map(Pool.class::cast)
                .toList();
    }

    public Optional<Question> question(String questionId) {
        return questions().stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    /** The quiz's total, which every student's version shares: a pool counts pick × one alternative's points. */
    public BigDecimal maxPoints() {
        return sections.stream().map(Section::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Stream<Question> leaves(Item item) {
        // Java 17: no pattern matching in switch yet
        return item instanceof QuestionGroup group ? group.parts().stream() : Stream.of((Question) item);
    }
}
