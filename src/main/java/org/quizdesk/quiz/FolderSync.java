package org.quizdesk.quiz;

import java.time.Instant;
import java.util.List;

/**
 * A sync of the quiz folder into the catalog.
 *
 * @param loaded the ids of the quizzes whose files loaded (empty when read back from the database)
 * @param changed the ids of those that got a new current version (a new quiz, or a changed file)
 * @param problems what kept the other files out, by file and line
 */
public record FolderSync(Instant syncedAt, List<String> loaded, List<String> changed, List<QuizFileProblem> problems) {

    public FolderSync {
        loaded = List.copyOf(loaded);
        changed = List.copyOf(changed);
        problems = List.copyOf(problems);
    }

    /** How many files did not load (a file may have several problems). */
    public long filesNotLoaded() {
        return problems.stream().map(QuizFileProblem::file).distinct().count();
    }
}
