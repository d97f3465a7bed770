package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.util.List;

/** What a section holds: a question, or a group of questions under a shared stem. */
public sealed interface Item permits Question, QuestionGroup {

    String id();

    /** Markdown with inline ($...$) and display ($$...$$) LaTeX. */
    String prompt();

    List<Figure> figures();

    BigDecimal points();
}
