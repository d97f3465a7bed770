package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.util.List;

/** A question that receives a score of its own. */
public sealed interface Question extends Item permits TrueFalseQuestion, MultiSelectQuestion, ShortAnswerQuestion {

    @Override
    BigDecimal points();

    /** The explanation shown with the key once solutions are released (Markdown), or null. */
    String solution();

    /** Figures of the solution, shown (and served) only once solutions are released. */
    List<Figure> solutionFigures();

    QuestionKind kind();
}
