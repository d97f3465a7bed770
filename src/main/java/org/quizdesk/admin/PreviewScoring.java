package org.quizdesk.admin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.quizdesk.attempt.FormAnswers;
import org.quizdesk.attempt.FormAnswers.Prefill;
import org.quizdesk.attempt.QuizSheet;
import org.quizdesk.attempt.QuizSheet.QuestionView;
import org.quizdesk.grading.AnswerSheet;
import org.quizdesk.grading.AnswerSheetJson;
import org.quizdesk.grading.Grader;
import org.quizdesk.grading.InvalidAnswersException;
import org.quizdesk.grading.QuizScore;
import org.quizdesk.quiz.QuestionKind;
import org.quizdesk.quiz.StudentVersion;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores answers typed into the staff preview the way a submitted attempt is scored: the quiz page's fields read
 * into the answers object, checked by {@link AnswerSheetJson} against the student's version and graded by
 * {@link Grader} in that version. Nothing is stored: no attempt, no score row.
 */
@Component
class PreviewScoring {

    private final JsonMapper json;

    PreviewScoring(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param score null when the answers were refused
     * @param prefill what the page fills in again: the answers as read, or as typed when they were refused
     * @param refusal why the answers could not be scored, in words (an option the question lacks, a text too long)
     */
    record Scored(QuizScore score, Prefill prefill, String refusal) {
    }

    Scored score(StudentVersion version, QuizSheet sheet, Map<String, String[]> fields) {
        Map<String, Object> answers = FormAnswers.fromForm(sheet.questions(), fields);
        try {
            AnswerSheet read = AnswerSheetJson.read(version, json.writeValueAsString(answers));
            return new Scored(Grader.grade(version, read), Prefill.of(read), null);
        } catch (InvalidAnswersException refused) {
            return new Scored(null, asTyped(sheet.questions(), fields), refused.getMessage());
        }
    }

    /** The fields as they came, so that nothing typed is lost when the answers are refused. */
    private static Prefill asTyped(List<QuestionView> questions, Map<String, String[]> fields) {
        Map<String, String> values = new TreeMap<>();
        Map<String, Set<String>> selected = new TreeMap<>();
        for (QuestionView question : questions) {
            String[] given = fields.get(FormAnswers.PREFIX + question.id());
            if (given == null || given.length == 0) {
                continue;
            }
            if (question.kind() == QuestionKind.MULTI_SELECT) {
                selected.put(question.id(), new LinkedHashSet<>(List.of(given)));
            } else {
                values.put(question.id(), given[0]);
            }
        }
        return new Prefill(values, selected);
    }
}
