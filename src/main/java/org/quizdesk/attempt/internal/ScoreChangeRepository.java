package org.quizdesk.attempt.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ScoreChangeRepository extends JpaRepository<ScoreChange, Long> {

    List<ScoreChange> findByAttemptIdOrderByIdAsc(long attemptId);
}
