package org.quizdesk.quiz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one file, so a reader can report all of them instead of stopping at the first. */
final class Problems {

    private final String file;
    private final List<QuizFileProblem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    /** SnakeYAML marks are 0-based; people count lines from 1. */
    static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    void add(Node at, String message) {
        add(lineOf(at), message);
    }

    void add(int line, String message) {
        found.add(new QuizFileProblem(file, line, message));
    }

    int count() {
        return found.size();
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** In file order (stable for problems on the same line), which is how an author fixes them. */
    List<QuizFileProblem> sorted() {
        List<QuizFileProblem> copy = new ArrayList<>(found);
        copy.sort(Comparator.comparingInt(QuizFileProblem::line));
        return copy;
    }

    void throwIfAny() throws QuizFileException {
        if (!found.isEmpty()) {
            throw new QuizFileException(sorted());
        }
    }
}
