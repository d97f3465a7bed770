package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.util.List;

public record TrueFalseQuestion(
        String id, BigDecimal points, String prompt, List<Figure> figures, boolean answer, String solution)
        implements Question {

    public TrueFalseQuestion {
        figures = List.copyOf(figures);
    }
}
