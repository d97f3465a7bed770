package org.quizdesk.admin;

import java.util.Collection;
import java.util.List;
import org.quizdesk.attempt.QuestionScoreRecord;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ManualGradeRepository extends JpaRepository<ManualGradeRecord, QuestionScoreRecord.Key> {

    @Query("""
            select g from ManualGradeRecord g where g.questionId = :questionId
            and g.attemptId in (select a.id from Attempt a where a.quizId = :quizId)""")
    List<ManualGradeRecord> findByQuizAndQuestion(@Param("quizId") String quizId, @Param("questionId") String questionId);

    List<ManualGradeRecord> findByAttemptIdIn(Collection<Long> attemptIds);
}
