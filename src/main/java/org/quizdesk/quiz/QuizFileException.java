package org.quizdesk.quiz;

import java.util.List;
import java.util.stream.Collectors;

/** A quiz file was rejected; carries every problem found in it, not just the first. */
public class QuizFileException extends Exception {

    private final transient List<QuizFileProblem> problems;

    public QuizFileException(List<QuizFileProblem> problems) {
        super(problems.stream().map(QuizFileProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<QuizFileProblem> problems() {
        return problems;
    }
}
