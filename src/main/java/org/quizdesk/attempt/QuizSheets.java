package org.quizdesk.attempt;

import java.util.List;
import java.util.stream.Stream;
import org.quizdesk.attempt.QuizSheet.FigureView;
import org.quizdesk.attempt.QuizSheet.ItemView;
import org.quizdesk.attempt.QuizSheet.OptionView;
import org.quizdesk.attempt.QuizSheet.QuestionView;
import org.quizdesk.attempt.QuizSheet.SectionView;
import org.quizdesk.quiz.Figure;
import org.quizdesk.quiz.Item;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.Pool;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.QuestionGroup;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.QuizFigures;
import org.quizdesk.quiz.QuizMarkdown;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.StudentVersion;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * Builds (once per quiz version) the key-free view of a quiz that students' pages are made from; a student's sheet
 * is that one rearranged to their version (see {@link QuizSheet#inOrderOf}).
 */
@Component
public class QuizSheets {

    private final QuizCatalog catalog;
    private final QuizMarkdown markdown;
    private final QuizFigures figures;
    private final StudentVersions versions;
    private final Cache byVersion;

    QuizSheets(QuizCatalog catalog, QuizMarkdown markdown, QuizFigures figures, StudentVersions versions,
            CacheManager caches) {
        this.byVersion = caches.getCache(AttemptCaches.QUIZ_SHEETS);
        this.catalog = catalog;
        this.markdown = markdown;
        this.figures = figures;
        this.versions = versions;
    }

    /**
     * The sheet in the file's order (the honor code page, and the same as every attempt's without shuffles or
     * pools), with each pool's first alternatives.
     */
    public QuizSheet forVersion(long versionId) {
        return forAttempt(versionId, StudentVersion.FILE_ORDER);
    }

    /** The sheet a student with this version seed sees: their alternatives, order of questions and options, and letters. */
    public QuizSheet forAttempt(long versionId, long versionSeed) {
        Quiz file = catalog.version(versionId);
        QuizSheet everything = byVersion.get(versionId, () -> build(file));
        if (file.sameForEverySeed() || versionSeed == StudentVersion.FILE_ORDER && file.pools().isEmpty() && file.parameters().isEmpty()) {
            return everything;
        }
        StudentVersion version = versions.of(versionId, versionSeed);
        // a parameterised question reads differently for every student: such a quiz's sheet is rendered per version
        // (its HTML is not kept: a student's page is built a few times per quiz, and 10,000 students' would fill the heap)
        return (file.parameters().isEmpty() ? everything : build(version.quiz())).inOrderOf(version);
    }

    /** Whether every student of this version gets the same sheet (the same object): a quiz without pools, parameters or shuffles. */
    public boolean sameForEveryStudent(long versionId) {
        return catalog.version(versionId).sameForEverySeed();
    }

    /**
     * The sheet of a quiz that is not in the catalog (an import before it is confirmed), in the file's order; not
     * cached.
     */
    public QuizSheet forUnsavedQuiz(Quiz file) {
        StudentVersion version = StudentVersion.of(file, StudentVersion.FILE_ORDER);
        return build(version.quiz()).inOrderOf(version);
    }

    private QuizSheet build(Quiz quiz) {
        List<SectionView> sections = quiz.sections().stream()
                .map(s -> new SectionView(s.title(), markdown.html(s.instructions()), markdown.html(s.scoring()),
                        s.recommended(), s.points(), s.items().stream().flatMap(this::items).toList()))
                .toList();
        List<QuestionView> questions = sections.stream().flatMap(s -> s.items().stream()).flatMap(i -> i.parts().stream()).toList();
        return new QuizSheet(quiz.id(), quiz.title(), quiz.course(), quiz.date(), markdown.html(quiz.instructions()),
                markdown.html(quiz.honorCode()), quiz.timeLimit(), quiz.maxPoints(), sections, questions);
    }

    /** An item's view; a pool's alternatives, every one of them (a student's version picks its own). */
    private Stream<ItemView> items(Item item) {
        return item instanceof Pool pool ? pool.alternatives().stream().map(this::item) : Stream.of(item(item));
    }

    private ItemView item(Item item) {
        if (item instanceof QuestionGroup group) {
            return new ItemView(group.id(), markdown.html(group.prompt()), figures(group.figures()),
                    group.parts().stream().map(this::question).toList(), true);
        }
        return new ItemView(item.id(), null, List.of(), List.of(question((Question) item)), false);
    }

    private QuestionView question(Question question) {
        List<OptionView> options = question instanceof MultiSelectQuestion multi
                ? multi.options().stream().map(o -> new OptionView(o.key(), o.key(), markdown.inlineHtml(o.text()))).toList()
                : List.of();
        boolean manual = question instanceof ShortAnswerQuestion shortAnswer && shortAnswer.manual();
        return new QuestionView(question.id(), question.kind(), question.points(), markdown.html(question.prompt()),
                figures(question.figures()), options, manual);
    }

    List<FigureView> figures(List<Figure> list) {
        return list.stream().map(f -> new FigureView(figures.url(f).orElse(null), f.description(), f.caption())).toList();
    }
}
