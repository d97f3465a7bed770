package org.quizdesk.attempt;

import java.math.BigDecimal;

/**
 * What the honor-code page shows of a quiz before it starts: no prompt, no key, no solution, by construction.
 */
public record HonorCodeSummary(String quizId, String course, String title, String instructionsHtml, String honorCodeHtml,
        BigDecimal maxPoints, int sectionCount) {

    static HonorCodeSummary of(QuizSheet sheet) {
        return new HonorCodeSummary(sheet.quizId(), sheet.course(), sheet.title(), sheet.instructionsHtml(),
                sheet.honorCodeHtml(), sheet.maxPoints(), sheet.sections().size());
    }
}
