package org.quizdesk.admin;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScoreChangeRepository extends JpaRepository<ScoreChange, Long> {

    List<ScoreChange> findByAttemptIdOrderByIdAsc(long attemptId);
}
