package org.quizdesk.quiz;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface QuizVersionRepository extends JpaRepository<QuizVersion, Long> {

    Optional<QuizVersion> findByQuizIdAndContentHash(String quizId, String contentHash);

    List<QuizVersion> findByQuizIdOrderByIdAsc(String quizId);
}
