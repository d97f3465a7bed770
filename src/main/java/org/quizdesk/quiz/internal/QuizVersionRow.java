package org.quizdesk.quiz.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.quizdesk.quiz.QuizVersion;

/** One distinct content of a quiz file, kept whole so an attempt can always be graded on what it was taken on. */
@Entity
@Table(name = "quiz_version")
public class QuizVersionRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String quizId;

    private String contentHash;

    private String sourceFile;

    private String source;

    private Instant loadedAt;

    protected QuizVersionRow() {
    }

    public QuizVersionRow(String quizId, String contentHash, String sourceFile, String source, Instant loadedAt) {
        this.quizId = quizId;
        this.contentHash = contentHash;
        this.sourceFile = sourceFile;
        this.source = source;
        this.loadedAt = loadedAt;
    }

    public Long getId() {
        return id;
    }

    public String getQuizId() {
        return quizId;
    }

    public String getContentHash() {
        return contentHash;
    }

    public String getSourceFile() {
        return sourceFile;
    }

    public String getSource() {
        return source;
    }

    public Instant getLoadedAt() {
        return loadedAt;
    }

    public QuizVersion toVersion() {
        return new QuizVersion(id, quizId, contentHash, sourceFile, loadedAt);
    }
}
