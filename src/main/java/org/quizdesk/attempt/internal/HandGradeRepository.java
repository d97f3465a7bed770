package org.quizdesk.attempt.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface HandGradeRepository extends JpaRepository<HandGradeRecord, QuestionScoreRecord.Key> {

    @Query("""
            select g from HandGradeRecord g where g.questionId = :questionId
            and g.attemptId in (select a.id from Attempt a where a.quizId = :quizId)""")
    List<HandGradeRecord> findByQuizAndQuestion(@Param("quizId") String quizId, @Param("questionId") String questionId);

    List<HandGradeRecord> findByAttemptIdIn(Collection<Long> attemptIds);
}
