package org.quizdesk.attempt;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface QuestionScoreRepository extends JpaRepository<QuestionScoreRecord, QuestionScoreRecord.Key> {

    List<QuestionScoreRecord> findByAttemptId(long attemptId);

    List<QuestionScoreRecord> findByAttemptIdIn(Collection<Long> attemptIds);
}
