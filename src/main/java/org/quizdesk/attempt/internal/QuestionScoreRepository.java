package org.quizdesk.attempt.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface QuestionScoreRepository extends JpaRepository<QuestionScoreRecord, QuestionScoreRecord.Key> {

    List<QuestionScoreRecord> findByAttemptId(long attemptId);

    List<QuestionScoreRecord> findByAttemptIdIn(Collection<Long> attemptIds);

    /** Every answer's score for one question of one quiz, in attempt order (the grading queue). */
    @Query("""
            select s from QuestionScoreRecord s where s.questionId = :questionId
            and s.attemptId in (select a.id from Attempt a where a.quizId = :quizId) order by s.attemptId""")
    List<QuestionScoreRecord> findByQuizAndQuestion(@Param("quizId") String quizId, @Param("questionId") String questionId);

    @Query("""
            select count(s) from QuestionScoreRecord s where s.questionId = :questionId and s.score is not null
            and s.attemptId in (select a.id from Attempt a where a.quizId = :quizId)""")
    long countGraded(@Param("quizId") String quizId, @Param("questionId") String questionId);

    @Query("""
            select count(s) from QuestionScoreRecord s where s.questionId = :questionId
            and s.attemptId in (select a.id from Attempt a where a.quizId = :quizId)""")
    long countAnswers(@Param("quizId") String quizId, @Param("questionId") String questionId);

    /** The scores of a quiz's submitted attempts, without their reasons (results and statistics read only scores). */
    @Query("""
            select new org.quizdesk.attempt.internal.ScoreCell(s.attemptId, s.questionId, s.score) from QuestionScoreRecord s
            where s.attemptId in (select a.id from Attempt a where a.quizId = :quizId and a.submittedAt is not null)""")
    List<ScoreCell> cellsOfSubmitted(@Param("quizId") String quizId);

    /** The scores of every attempt on the quiz, without their reasons. */
    @Query("""
            select new org.quizdesk.attempt.internal.ScoreCell(s.attemptId, s.questionId, s.score) from QuestionScoreRecord s
            where s.attemptId in (select a.id from Attempt a where a.quizId = :quizId)""")
    List<ScoreCell> cellsOfQuiz(@Param("quizId") String quizId);

    /** The scores of these attempts, without their reasons. */
    @Query("select new org.quizdesk.attempt.internal.ScoreCell(s.attemptId, s.questionId, s.score) from QuestionScoreRecord s where s.attemptId in :attemptIds")
    List<ScoreCell> cellsOf(@Param("attemptIds") Collection<Long> attemptIds);
}
