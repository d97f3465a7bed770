package org.quizdesk.quiz.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.quizdesk.quiz.QuizFileProblem;

/** The last sync of the quiz folder: when, how many quizzes loaded, and the problems of the files that did not. */
@Entity
@Table(name = "quiz_folder_sync")
public class FolderSyncRow {

    /** There is one row: the last sync, whichever node ran it. */
    public static final int ID = 1;

    @Id
    private Integer id;

    private Instant syncedAt;

    private int quizCount;

    private String problems;

    protected FolderSyncRow() {
    }

    public FolderSyncRow(Instant syncedAt, int quizCount, List<QuizFileProblem> problems) {
        this.id = ID;
        this.syncedAt = syncedAt;
        this.quizCount = quizCount;
        this.problems = problems.stream()
                .map(p -> oneLine(p.file()) + "\t" + p.line() + "\t" + oneLine(p.message()))
                .collect(Collectors.joining("\n"));
    }

    public Instant getSyncedAt() {
        return syncedAt;
    }

    public int getQuizCount() {
        return quizCount;
    }

    public List<QuizFileProblem> problems() {
        if (problems.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(problems.split("\n")).map(line -> {
            String[] parts = line.split("\t", 3);
            return new QuizFileProblem(parts[0], Integer.parseInt(parts[1]), parts[2]);
        }).toList();
    }

    private static String oneLine(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
