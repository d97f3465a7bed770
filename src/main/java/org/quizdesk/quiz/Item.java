package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.util.List;

/** What a section holds: a question, a group of questions under a shared stem, or a pool of alternatives. */
public sealed interface Item permits Question, QuestionGroup, Pool {

    String id();

    /** Markdown with inline ($...$) and display ($$...$$) LaTeX. */
    String prompt();

    List<Figure> figures();

    BigDecimal points();
}
