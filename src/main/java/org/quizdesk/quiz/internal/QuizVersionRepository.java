package org.quizdesk.quiz.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface QuizVersionRepository extends JpaRepository<QuizVersionRow, Long> {

    Optional<QuizVersionRow> findByQuizIdAndContentHash(String quizId, String contentHash);

    List<QuizVersionRow> findByQuizIdOrderByIdAsc(String quizId);
}
