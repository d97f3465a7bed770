package org.quizdesk.quiz;

import java.util.List;

/** What reading a folder of quiz files gave: the quizzes that loaded and the problems of those that did not. */
public record FolderReport(List<LoadedQuiz> quizzes, List<QuizFileProblem> problems) {

    public FolderReport {
        quizzes = List.copyOf(quizzes);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
