package org.quizdesk.interchange;

import java.util.ArrayList;
import java.util.List;
import org.quizdesk.quiz.Figure;
import org.quizdesk.quiz.Item;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.QuestionGroup;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.Section;

/** What both exports share: questions flattened (neither format has groups) and notes about figures. */
final class ExportSupport {

    private ExportSupport() {
    }

    /** A question as exported: a group's stem goes before each of its parts' prompts. */
    record Flat(Question question, String prompt) {
    }

    static List<Flat> questions(Section section, List<CarryOverNote> notes) {
        return questions(section.items(), notes);
    }

    private static List<Flat> questions(List<Item> items, List<CarryOverNote> notes) {
        List<Flat> flat = new ArrayList<>();
        for (Item item : items) {
            if (item instanceof org.quizdesk.quiz.Pool pool) {
                notes.add(new CarryOverNote(null, "pool " + pool.id(), "the format has no pools: all "
                        + pool.alternatives().size() + " alternatives are exported, not " + pool.pick() + " per student"));
                flat.addAll(questions(pool.alternatives(), notes));
                continue;
            }
            if (item instanceof QuestionGroup group) {
                notes.add(new CarryOverNote(null, "group " + group.id(), "the format has no groups: the stem is "
                        + "written before the prompt of each of its " + group.parts().size() + " parts"));
                figures(group.id(), group.figures(), notes);
                for (Question part : group.parts()) {
                    flat.add(new Flat(part, group.prompt() + "\n\n" + part.prompt()));
                }
            } else {
                flat.add(new Flat((Question) item, item.prompt()));
            }
        }
        return flat;
    }

    static void figures(String id, List<Figure> figures, List<CarryOverNote> notes) {
        for (Figure figure : figures) {
            notes.add(new CarryOverNote(id, null, "figure \"" + figure.description()
                    + "\" is not carried over (" + (figure.file() == null ? "it has no file yet" : figure.file()) + ")"));
        }
    }

    static void quizNotes(Quiz quiz, List<CarryOverNote> notes) {
        notes.add(new CarryOverNote(null, null, "the time limit, window, honor code, instructions and releases are "
                + "quiz settings the format does not carry"));
        if (quiz.sections().stream().anyMatch(Section::shuffle)) {
            notes.add(new CarryOverNote(null, null, "shuffled question order is a quiz setting there: set it again"));
        }
    }

    /** XML 1.0 cannot hold most control characters at all. */
    static String xmlText(String text) {
        return XmlTree.escape(text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""));
    }
}
