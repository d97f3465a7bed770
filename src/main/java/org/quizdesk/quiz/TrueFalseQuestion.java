package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.util.List;

public record TrueFalseQuestion(
        String id, BigDecimal points, String prompt, List<Figure> figures, boolean answer, String solution,
        List<Figure> solutionFigures)
        implements Question {

    public TrueFalseQuestion {
        figures = List.copyOf(figures);
        solutionFigures = List.copyOf(solutionFigures);
    }

    public TrueFalseQuestion(String id, BigDecimal points, String prompt, List<Figure> figures, boolean answer, String solution) {
        this(id, points, prompt, figures, answer, solution, List.of());
    }

    @Override
    public QuestionKind kind() {
        return QuestionKind.TRUE_FALSE;
    }
}
