package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A quiz as its file describes it: immutable, validated, independent of Spring and the database. (A class rather than
 * a record only to keep its questions by id, derived once.)
 */
public final class Quiz {

    private final String id;
    private final String title;
    private final String course;
    private final String date;
    private final Duration timeLimit;
    private final String honorCode;
    private final String instructions;
    private final List<Section> sections;
    private final String sourceFile;
    private final Map<String, Parameters> parameters;
    // derived once: the autosave's check, grading and every page look questions up by id many times per request
    private final List<Item> items;
    private final List<Question> questions;
    private final Map<String, Question> questionsById;
    private final boolean sameForEverySeed;

    public Quiz(String id, String title, String course, String date, Duration timeLimit, String honorCode,
            String instructions, List<Section> sections, String sourceFile, Map<String, Parameters> parameters) {
        this.id = id;
        this.title = title;
        this.course = course;
        this.date = date;
        this.timeLimit = timeLimit;
        this.honorCode = honorCode;
        this.instructions = instructions;
        this.sections = List.copyOf(sections);
        this.sourceFile = sourceFile;
        this.parameters = Map.copyOf(parameters);
        this.items = this.sections.stream().flatMap(s -> s.items().stream())
                .flatMap(item -> item instanceof Pool pool ? pool.alternatives().stream() : Stream.of(item)).toList();
        this.questions = items.stream().flatMap(Quiz::leaves).toList();
        Map<String, Question> byId = new LinkedHashMap<>();
        // the first of a repeated id wins, as a search in file order found it (the reader refuses repeated ids)
        questions.forEach(question -> byId.putIfAbsent(question.id(), question));
        this.questionsById = Collections.unmodifiableMap(byId);
        this.sameForEverySeed = this.parameters.isEmpty() && pools().isEmpty() && this.sections.stream().noneMatch(Section::shuffle)
                && questions.stream().noneMatch(q -> q instanceof MultiSelectQuestion multi && multi.shuffle());
    }

    public Quiz(String id, String title, String course, String date, Duration timeLimit, String honorCode,
            String instructions, List<Section> sections, String sourceFile) {
        this(id, title, course, date, timeLimit, honorCode, instructions, sections, sourceFile, Map.of());
    }

    /** Stable slug used in URLs, exports and as the database key. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String course() {
        return course;
    }

    public String date() {
        return date;
    }

    public Duration timeLimit() {
        return timeLimit;
    }

    public String honorCode() {
        return honorCode;
    }

    public String instructions() {
        return instructions;
    }

    public List<Section> sections() {
        return sections;
    }

    /** The file it was read from, for messages (may be a display name such as "quizzes/x.yaml"). */
    public String sourceFile() {
        return sourceFile;
    }

    /**
     * By the id of a question or group: the values it draws per student and the expressions of its texts and answers
     * (see {@link StudentVersion}); empty for a quiz without parameters.
     */
    public Map<String, Parameters> parameters() {
        return parameters;
    }

    /**
     * Every question that receives a score, in the order of the file (group parts in place of their group, every
     * alternative of a pool in place of the pool: a student's own questions are {@link StudentVersion#quiz()}'s).
     */
    public List<Question> questions() {
        return questions;
    }

    /** Every question and group of the file, in order, with all of a pool's alternatives in place of the pool. */
    public List<Item> items() {
        return items;
    }

    /** The pools of the file, in order. */
    public List<Pool> pools() {
        return sections.stream().flatMap(s -> s.items().stream()).filter(Pool.class::isInstance).map(Pool.class::cast)
                .toList();
    }

    /**
     * Whether every student's version is the file's order: no pools, parameters or shuffles, so the seed changes
     * nothing (see {@link StudentVersion}).
     */
    public boolean sameForEverySeed() {
        return sameForEverySeed;
    }

    public Optional<Question> question(String questionId) {
        return Optional.ofNullable(questionsById.get(questionId));
    }

    /** The quiz's total, which every student's version shares: a pool counts pick × one alternative's points. */
    public BigDecimal maxPoints() {
        return sections.stream().map(Section::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Stream<Question> leaves(Item item) {
        // Java 17: no pattern matching in switch yet
        return item instanceof QuestionGroup group ? group.parts().stream() : Stream.of((Question) item);
    }

    /** Equal when read from equal files: the derived lists follow from the sections. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Quiz quiz && Objects.equals(id, quiz.id) && Objects.equals(title, quiz.title)
                && Objects.equals(course, quiz.course) && Objects.equals(date, quiz.date) && Objects.equals(timeLimit, quiz.timeLimit)
                && Objects.equals(honorCode, quiz.honorCode) && Objects.equals(instructions, quiz.instructions)
                && sections.equals(quiz.sections) && Objects.equals(sourceFile, quiz.sourceFile)
                && parameters.equals(quiz.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, title, course, date, timeLimit, honorCode, instructions, sections, sourceFile, parameters);
    }

    @Override
    public String toString() {
        return "Quiz[id=" + id + ", title=" + title + ", sourceFile=" + sourceFile + ", sections=" + sections + "]";
    }
}
