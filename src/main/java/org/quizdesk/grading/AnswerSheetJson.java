package org.quizdesk.grading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.quizdesk.quiz.Item;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.Pool;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.QuestionGroup;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.StudentVersion;
import org.quizdesk.quiz.TrueFalseQuestion;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answers JSON of QUIZ_FORMAT ({"1.1": false, "2.1": ["A", "C"], "3.1.1": "4 x 4 x 5", "1.2": null}),
 * read strictly against a quiz and written canonically.
 */
public final class AnswerSheetJson {

    /** Longest text answer accepted, in characters (code points). */
    public static final int MAX_TEXT_LENGTH = 10_000;

    // Duplicate ids would otherwise silently keep the last value; trailing garbage would be ignored.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Pattern DUPLICATE_PROPERTY = Pattern.compile("^Duplicate Object property \"(.*)\"");

    /** Question ids in the order people read them: 1.2 before 1.10, 3.1.1 before 3.1.4. */
    static final Comparator<String> ID_ORDER = AnswerSheetJson::compareIds;

    private AnswerSheetJson() {
    }

    /**
     * @throws InvalidAnswersException for malformed JSON, a top level that is not an object, unknown ids,
     *     values of the wrong type, unknown or repeated option keys, or text over {@link #MAX_TEXT_LENGTH}
     */
    public static AnswerSheet read(Quiz quiz, String json) throws InvalidAnswersException {
        return read(quiz, null, json);
    }

    /** @param version the student's version whose questions alone may be answered, or null for the whole file */
    private static AnswerSheet read(Quiz quiz, StudentVersion version, String json) throws InvalidAnswersException {
        JsonNode root = parse(json);
        if (!root.isObject()) {
            throw new InvalidAnswersException(
                    "answers must be a JSON object keyed by question id, not " + describe(root));
        }
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String id = entry.getKey();
            Question question = quiz.question(id).orElseThrow(() -> unknownId(quiz, id));
            if (version != null && !version.has(id)) {
                throw notDrawn(quiz, id);
            }
            readAnswer(question, entry.getValue()).ifPresent(answer -> answers.put(id, answer));
        }
        return new AnswerSheet(answers);
    }

    /**
     * Answers of one student's version: as {@link #read(Quiz, String)} against the file, and an answer (even a
     * blank one) to a pool's alternative that was not drawn for this student is refused like an unknown id.
     */
    public static AnswerSheet read(StudentVersion version, String json) throws InvalidAnswersException {
        return read(version.file(), version, json);
    }

    /** Canonical JSON: ids in {@link #ID_ORDER}, option keys sorted, blank answers omitted. */
    public static String write(AnswerSheet sheet) {
        List<String> ids = new ArrayList<>(sheet.answers().keySet());
        ids.sort(ID_ORDER);
        return write(sheet, ids);
    }

    /** Canonical JSON with ids in quiz order (answers to ids the quiz lacks follow, in {@link #ID_ORDER}). */
    public static String write(Quiz quiz, AnswerSheet sheet) {
        List<String> ids = new ArrayList<>();
        for (Question question : quiz.questions()) {
            if (sheet.answers().containsKey(question.id())) {
                ids.add(question.id());
            }
        }
        sheet.answers().keySet().stream().filter(id -> !ids.contains(id)).sorted(ID_ORDER).forEach(ids::add);
        return write(sheet, ids);
    }

    private static String write(AnswerSheet sheet, List<String> ids) {
        ObjectNode root = MAPPER.createObjectNode();
        for (String id : ids) {
            Answer answer = sheet.answers().get(id);
            if (answer instanceof Answer.TrueFalse trueFalse) {
                root.put(id, trueFalse.value());
            } else if (answer instanceof Answer.Selection selection) {
                ArrayNode keys = root.putArray(id);
                selection.keys().forEach(keys::add);
            } else if (answer instanceof Answer.Text text) {
                root.put(id, text.value());
            }
        }
        return MAPPER.writeValueAsString(root);
    }

    private static JsonNode parse(String json) throws InvalidAnswersException {
        if (json == null || json.isBlank()) {
            throw new InvalidAnswersException("answers are empty; expected a JSON object such as {\"1.1\": true}");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidAnswersException("answers are not valid JSON: " + problem(e) + where(e.getLocation()));
        }
    }

    /** Jackson's own words where they are clear, plain words where they would show its internals. */
    private static String problem(JacksonException e) {
        String message = firstLine(e.getOriginalMessage());
        Matcher duplicate = DUPLICATE_PROPERTY.matcher(message);
        if (duplicate.find()) {
            return "question id \"" + duplicate.group(1) + "\" appears twice";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "it ends before the object is closed";
        }
        if (message.startsWith("Trailing token")) {
            return "there is more after the closing }";
        }
        return message;
    }

    private static Optional<Answer> readAnswer(Question question, JsonNode value) throws InvalidAnswersException {
        if (value.isNull()) {
            return Optional.empty();
        }
        if (question instanceof TrueFalseQuestion) {
            if (!value.isBoolean()) {
                throw invalid(question, "expected true, false or null, not " + describe(value));
            }
            return Optional.of(new Answer.TrueFalse(value.booleanValue()));
        }
        if (question instanceof MultiSelectQuestion multiSelect) {
            return readSelection(multiSelect, value);
        }
        if (question instanceof ShortAnswerQuestion) {
            if (!value.isString()) {
                throw invalid(question, "expected a string or null, not " + describe(value));
            }
            String text = value.stringValue();
            int length = text.codePointCount(0, text.length());
            if (length > MAX_TEXT_LENGTH) {
                throw invalid(question, String.format("the answer is %,d characters long; the limit is %,d",
                        length, MAX_TEXT_LENGTH));
            }
            Answer.Text answer = new Answer.Text(text);
            return answer.isBlank() ? Optional.empty() : Optional.of(answer);
        }
        throw new IllegalArgumentException("unknown question type " + question.getClass());
    }

    private static Optional<Answer> readSelection(MultiSelectQuestion question, JsonNode value)
            throws InvalidAnswersException {
        if (!value.isArray()) {
            throw invalid(question, "expected an array of option keys (e.g. [\"A\", \"C\"]) or null, not "
                    + describe(value));
        }
        Set<String> keys = new TreeSet<>();
        for (JsonNode element : value) {
            if (!element.isString()) {
                throw invalid(question, "option keys must be strings, not " + describe(element));
            }
            String key = element.stringValue();
            if (question.option(key).isEmpty()) {
                String options = question.options().stream()
                        .map(MultiSelectQuestion.Option::key)
                        .collect(Collectors.joining(", "));
                throw invalid(question, "option \"" + key + "\" does not exist (options: " + options + ")");
            }
            if (!keys.add(key)) {
                throw invalid(question, "option \"" + key + "\" is selected twice");
            }
        }
        // An empty array is "nothing selected", which is how a blank answer is scored too.
        return keys.isEmpty() ? Optional.empty() : Optional.of(new Answer.Selection(new TreeSet<>(keys)));
    }

    private static InvalidAnswersException unknownId(Quiz quiz, String id) {
        for (Item item : quiz.items()) {
            if (item instanceof QuestionGroup group && group.id().equals(id)) {
                String parts = group.parts().stream().map(Question::id).collect(Collectors.joining(", "));
                return new InvalidAnswersException(id, "question " + id
                        + " is a group; answer its parts (" + parts + ")");
            }
        }
        for (Pool pool : quiz.pools()) {
            if (pool.id().equals(id)) {
                return new InvalidAnswersException(id, "question " + id + " is a pool; answer the alternatives drawn for you");
            }
        }
        return new InvalidAnswersException(id, "unknown question id \"" + id + "\" (quiz " + quiz.id() + ")");
    }

    private static InvalidAnswersException notDrawn(Quiz quiz, String id) {
        String pool = quiz.pools().stream().filter(p -> p.alternatives().stream().anyMatch(a -> a.id().equals(id)
                || a instanceof QuestionGroup g && g.parts().stream().anyMatch(q -> q.id().equals(id))))
                .map(Pool::id).findFirst().orElse("?");
        return new InvalidAnswersException(id, "question " + id + " is not in your version of the quiz (an alternative "
                + "of pool " + pool + " that was not drawn for you)");
    }

    private static InvalidAnswersException invalid(Question question, String problem) {
        return new InvalidAnswersException(question.id(), "question " + question.id() + ": " + problem);
    }

    /** A value as a message shows it: its JSON, cut short. */
    private static String describe(JsonNode value) {
        String kind = value.isArray() ? "an array " : value.isObject() ? "an object " : "";
        String json = value.toString();
        return kind + (json.length() <= 40 ? json : json.substring(0, 40) + "\u2026");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /**
     * Segment by segment (between dots): two segments of one to nine digits by their number, others as text; then
     * fewer segments first. Compared in place, without splitting: every save sorts its answers' ids.
     */
    private static int compareIds(String a, String b) {
        int segmentsA = segments(a);
        int segmentsB = segments(b);
        int startA = 0;
        int startB = 0;
        for (int i = 0; i < Math.min(segmentsA, segmentsB); i++) {
            int endA = segmentEnd(a, startA);
            int endB = segmentEnd(b, startB);
            int order = compareSegments(a, startA, endA, b, startB, endB);
            if (order != 0) {
                return order;
            }
            startA = endA + 1;
            startB = endB + 1;
        }
        return segmentsA != segmentsB ? Integer.compare(segmentsA, segmentsB) : a.compareTo(b);
    }

    private static int segments(String id) {
        int dots = 0;
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) == '.') {
                dots++;
            }
        }
        return dots + 1;
    }

    private static int segmentEnd(String id, int start) {
        int dot = id.indexOf('.', start);
        return dot < 0 ? id.length() : dot;
    }

    private static int compareSegments(String a, int startA, int endA, String b, int startB, int endB) {
        if (isNumber(a, startA, endA) && isNumber(b, startB, endB)) {
            return Integer.compare(Integer.parseInt(a, startA, endA, 10), Integer.parseInt(b, startB, endB, 10));
        }
        int lengthA = endA - startA;
        int lengthB = endB - startB;
        for (int i = 0; i < Math.min(lengthA, lengthB); i++) {
            char x = a.charAt(startA + i);
            char y = b.charAt(startB + i);
            if (x != y) {
                return Character.compare(x, y);
            }
        }
        return Integer.compare(lengthA, lengthB);
    }

    /** One to nine ASCII digits (a number an int holds). */
    private static boolean isNumber(String id, int start, int end) {
        if (end - start < 1 || end - start > 9) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
