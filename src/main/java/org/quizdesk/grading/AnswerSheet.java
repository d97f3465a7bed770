package org.quizdesk.grading;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A student's answers keyed by question id. Blank answers are absent keys: a blank text or an empty
 * selection is dropped here, so "blank" has exactly one representation.
 */
public record AnswerSheet(Map<String, Answer> answers) {

    public static final AnswerSheet EMPTY = new AnswerSheet(Map.of());

    public AnswerSheet {
        Objects.requireNonNull(answers, "answers");
        Map<String, Answer> kept = new LinkedHashMap<>();
        answers.forEach((id, answer) -> {
            Objects.requireNonNull(id, "question id");
            if (answer != null && !isBlank(answer)) {
                kept.put(id, answer);
            }
        });
        answers = Collections.unmodifiableMap(kept);
    }

    public Optional<Answer> get(String questionId) {
        return Optional.ofNullable(answers.get(questionId));
    }

    /** A copy with one more answer (or a replaced one); a blank answer removes the key. */
    public AnswerSheet with(String questionId, Answer answer) {
        Map<String, Answer> copy = new LinkedHashMap<>(answers);
        copy.remove(questionId);
        if (answer != null) {
            copy.put(questionId, answer);
        }
        return new AnswerSheet(copy);
    }

    static boolean isBlank(Answer answer) {
        if (answer instanceof Answer.Text text) {
            return text.isBlank();
        }
        if (answer instanceof Answer.Selection selection) {
            return selection.isEmpty();
        }
        return false;
    }
}
