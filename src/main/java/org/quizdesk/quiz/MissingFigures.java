package org.quizdesk.quiz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Warnings (not errors) about figures a quiz names but cannot show: a figure without a file shows a placeholder,
 * and so does one whose file is not on disk yet. A validator prints these; loading never fails on them.
 */
public final class MissingFigures {

    private MissingFigures() {
    }

    /** One line per figure that will show as a placeholder, e.g. {@code question 3.1: figure "..." has no file}. */
    public static List<String> of(Path quizFile, Quiz quiz) {
        Path folder = quizFile.toAbsolutePath().getParent();
        List<String> warnings = new ArrayList<>();
        quiz.items().stream().flatMap(MissingFigures::withParts).forEach(item -> {
            List<Figure> figures = new ArrayList<>(item.figures());
            if (item instanceof Question question) {
                figures.addAll(question.solutionFigures());
            }
            for (Figure figure : figures) {
                String name = "question " + item.id() + ": figure \"" + shortly(figure.description()) + "\"";
                if (figure.file() == null) {
                    warnings.add(name + " has no file (a placeholder is shown)");
                } else if (folder == null || !Files.isRegularFile(folder.resolve(figure.file()))) {
                    warnings.add(name + ": file " + figure.file() + " not found (a placeholder is shown)");
                }
            }
        });
        return warnings;
    }

    private static Stream<Item> withParts(Item item) {
        return item instanceof QuestionGroup
                ? Stream.concat(Stream.of(item), ((QuestionGroup) item).parts().stream())
                : Stream.of(item);
    }

    private static String shortly(String description) {
        String oneLine = description.replaceAll("\\s+", " ");
        return oneLine.length() <= 50 ? oneLine : oneLine.substring(0, 47) + "...";
    }
}
