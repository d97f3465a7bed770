package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.util.List;

/** A shared stem (and figures) over several parts; the parts are scored, the group is not. */
public record QuestionGroup(String id, String prompt, List<Figure> figures, List<Question> parts) implements Item {

    public QuestionGroup {
        figures = List.copyOf(figures);
        parts = List.copyOf(parts);
    }

    @Override
    public BigDecimal points() {
        return parts.stream().map(Question::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
