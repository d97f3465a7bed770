package org.quizdesk.interchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quizdesk.quiz.Figure;

/**
 * A text of a source question turned into Markdown, with its images as figure placeholders and a note for each
 * thing lost on the way (tags with no Markdown equivalent, images that are not in the file).
 */
final class SourceText {

    private SourceText() {
    }

    /** A text and the figures its images become (those the source does not carry without files: placeholders). */
    record Text(String markdown, List<Figure> figures) {
    }

    /**
     * @param html whether the source text is HTML (else it is plain text, only entities are decoded)
     * @param what what the text is, for notes ("the prompt", "option B")
     */
    static Text convert(String source, boolean html, String what, QuizDraft draft, String questionId, String where) {
        return convert(source, html, what, draft, questionId, where, ImageFiles.NONE);
    }

    /** @param files the images the source carries: those found become figures with their file in the quiz folder */
    static Text convert(String source, boolean html, String what, QuizDraft draft, String questionId, String where,
            ImageFiles files) {
        if (!html) {
            return new Text(HtmlText.plain(source), List.of());
        }
        HtmlText.Converted converted = HtmlText.toMarkdown(source);
        List<Figure> figures = new ArrayList<>();
        for (HtmlText.Image image : converted.images()) {
            String name = image.source().replace("@@PLUGINFILE@@/", "").replace("$IMS-CC-FILEBASE$/", "");
            String description = image.alt().isBlank() ? "Image " + name + " of the imported question" : image.alt();
            byte[] bytes = image.source().isBlank() ? null : files.find(image.source());
            if (bytes != null) {
                Optional<String> file = draft.image(name, bytes, what, questionId, where);
                figures.add(new Figure(file.orElse(null), description, null));
                continue;
            }
            figures.add(new Figure(null, description, null));
            draft.note(questionId, where, "image \"" + name + "\" in " + what + " is not carried over: the question "
                    + "shows a placeholder; add the file under figures (docs/quiz-format.md, Figures)");
        }
        if (!converted.droppedTags().isEmpty()) {
            draft.note(questionId, where, "HTML " + String.join(", ", converted.droppedTags().stream()
                    .map(t -> "<" + t + ">").toList()) + " in " + what + " has no Markdown equivalent: its text is kept, "
                    + "the formatting is not");
        }
        String markdown = converted.markdown();
        return new Text(markdown.isBlank() && !figures.isEmpty() ? "See the figure." : markdown, figures);
    }
}
