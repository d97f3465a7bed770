package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.QuestionKind;
import org.quizdesk.quiz.StudentVersion;

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

    /**
     * @param key the file's key: what the form submits and the answers store
     * @param label what the student sees: the key, or on a shuffled question the letter of its place (A, B, …)
     */
    public record OptionView(String key, String label, String textHtml) {
    }

    /**
     * This sheet in the order of a student's version: sections' items and questions' options rearranged and
     * lettered as {@code version} has them. Nothing is rendered again; the sheet of the version is shared.
     */
    QuizSheet inOrderOf(StudentVersion version) {
        List<SectionView> ordered = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            SectionView section = sections.get(i);
            Map<String, ItemView> byId = section.items().stream().collect(Collectors.toMap(ItemView::id, item -> item));
            List<ItemView> items = version.quiz().sections().get(i).items().stream()
                    .map(item -> inOrderOf(byId.get(item.id()), version)).toList();
            ordered.add(new SectionView(section.title(), section.instructionsHtml(), section.scoringHtml(),
                    section.recommended(), section.points(), items));
        }
        List<QuestionView> questions = ordered.stream().flatMap(s -> s.items().stream()).flatMap(i -> i.parts().stream()).toList();
        return new QuizSheet(quizId, title, course, date, instructionsHtml, honorCodeHtml, timeLimit, maxPoints, ordered,
                questions);
    }

    private static ItemView inOrderOf(ItemView item, StudentVersion version) {
        List<QuestionView> parts = item.parts().stream().map(q -> inOrderOf(q, version)).toList();
        return new ItemView(item.id(), item.promptHtml(), item.figures(), parts, item.group());
    }

    private static QuestionView inOrderOf(QuestionView question, StudentVersion version) {
        if (!version.relabels(question.id())) {
            return question;
        }
        Map<String, OptionView> byKey = question.options().stream().collect(Collectors.toMap(OptionView::key, o -> o));
        MultiSelectQuestion ordered = (MultiSelectQuestion) version.quiz().question(question.id()).orElseThrow();
        List<OptionView> options = ordered.options().stream()
                .map(o -> new OptionView(o.key(), version.label(question.id(), o.key()), byKey.get(o.key()).textHtml()))
                .toList();
        return new QuestionView(question.id(), question.kind(), question.points(), question.promptHtml(),
                question.figures(), options, question.manual());
    }

    /** url is null while the image is missing: the page shows a placeholder with the description. */
    public record FigureView(String url, String description, String caption) {
    }
}
