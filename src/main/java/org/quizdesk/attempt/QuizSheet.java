package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.quizdesk.quiz.QuestionKind;

/**
 * What a student's browser receives of a quiz version: rendered prompts and options, and nothing of the key
 * or the solutions, by construction. Built once per version.
 */
public record QuizSheet(
        String quizId,
        String title,
        String course,
        String date,
        String instructionsHtml,
        String honorCodeHtml,
        Duration timeLimit,
        BigDecimal maxPoints,
        List<SectionView> sections,
        List<QuestionView> questions) {

    public record SectionView(String title, String instructionsHtml, String scoringHtml, Duration recommended,
            BigDecimal points, List<ItemView> items) {
    }

    /** A question, or a group's shared stem over its parts. */
    public record ItemView(String id, String promptHtml, List<FigureView> figures, List<QuestionView> parts, boolean group) {
    }

    public record QuestionView(String id, QuestionKind kind, BigDecimal points, String promptHtml, List<FigureView> figures,
            List<OptionView> options, boolean manual) {
    }

    public record OptionView(String key, String textHtml) {
    }

    /** url is null while the image is missing: the page shows a placeholder with the description. */
    public record FigureView(String url, String description, String caption) {
    }
}
