package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.util.List;

/**
 * A free-text answer, scored automatically against {@code accept} or by a grader with a rubric.
 *
 * @param accept the accepted answers (empty when graded by hand)
 * @param manual true when a grader scores it ({@code grading: manual})
 * @param rubric the rubric items a grader applies (for manual questions)
 */
public record ShortAnswerQuestion(
        String id,
        BigDecimal points,
        String prompt,
        List<Figure> figures,
        List<AcceptedAnswer> accept,
        boolean manual,
        List<RubricItem> rubric,
        String solution,
        List<Figure> solutionFigures)
        implements Question {

    public ShortAnswerQuestion {
        figures = List.copyOf(figures);
        accept = List.copyOf(accept);
        rubric = List.copyOf(rubric);
        solutionFigures = List.copyOf(solutionFigures);
    }

    public ShortAnswerQuestion(String id, BigDecimal points, String prompt, List<Figure> figures,
            List<AcceptedAnswer> accept, boolean manual, List<RubricItem> rubric, String solution) {
        this(id, points, prompt, figures, accept, manual, rubric, solution, List.of());
    }

    @Override
    public QuestionKind kind() {
        return QuestionKind.SHORT_ANSWER;
    }
}
