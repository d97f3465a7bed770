package org.quizdesk.proctor.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface QuizPauseRepository extends JpaRepository<QuizPauseRow, String> {

    /** Ends the pause; 1 for the one caller that ended it, 0 if it was not paused (or another node ended it first). */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("delete from QuizPauseRow p where p.quizId = :quizId")
    int end(@Param("quizId") String quizId);
}
