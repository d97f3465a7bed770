package org.quizdesk.attempt;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.quizdesk.attempt.QuizSheet.QuestionView;
import org.quizdesk.grading.Answer;
import org.quizdesk.grading.AnswerSheet;

/**
 * Converts between the quiz page's form fields ({@code answer:<question id>}) and the answers shape, so the
 * page works by plain form posts when JavaScript is off.
 */
public final class FormAnswers {

    public static final String PREFIX = "answer:";

    private FormAnswers() {
    }

    /** The answers object (id to Boolean, List of keys, or String) for the form's fields; blanks are left out. */
    public static Map<String, Object> fromForm(List<QuestionView> questions, Map<String, String[]> parameters) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (QuestionView question : questions) {
            String[] values = parameters.get(PREFIX + question.id());
            if (values == null || values.length == 0) {
                continue;
            }
            switch (question.kind()) {
                case TRUE_FALSE -> {
                    if (!values[0].isEmpty()) {
                        answers.put(question.id(), "true".equals(values[0]) ? Boolean.TRUE
                                : "false".equals(values[0]) ? Boolean.FALSE : values[0]);
                    }
                }
                case MULTI_SELECT -> answers.put(question.id(), Arrays.asList(values));
                case SHORT_ANSWER -> {
                    if (!values[0].isBlank()) {
                        answers.put(question.id(), values[0]);
                    }
                }
            }
        }
        return answers;
    }

    /** The saved answers as the page's fields want them: a value per question, and the selected keys. */
    public record Prefill(Map<String, String> values, Map<String, Set<String>> selected) {

        public static Prefill of(AnswerSheet sheet) {
            Map<String, String> values = new TreeMap<>();
            Map<String, Set<String>> selected = new TreeMap<>();
            sheet.answers().forEach((id, answer) -> {
                if (answer instanceof Answer.TrueFalse tf) {
                    values.put(id, String.valueOf(tf.value()));
                } else if (answer instanceof Answer.Selection selection) {
                    selected.put(id, new TreeSet<>(selection.keys()));
                } else if (answer instanceof Answer.Text text) {
                    values.put(id, text.value());
                }
            });
            return new Prefill(values, selected);
        }

        public boolean isSelected(String questionId, String key) {
            return selected.getOrDefault(questionId, Set.of()).contains(key);
        }

        public String value(String questionId) {
            return values.getOrDefault(questionId, "");
        }

        /** Nothing filled in: the page of a student who has just started. */
        public boolean isEmpty() {
            return values.isEmpty() && selected.isEmpty();
        }

        public boolean answered(String questionId) {
            return values.containsKey(questionId) || !selected.getOrDefault(questionId, Set.of()).isEmpty();
        }
    }
}
