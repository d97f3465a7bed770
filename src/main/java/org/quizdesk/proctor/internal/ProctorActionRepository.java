package org.quizdesk.proctor.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProctorActionRepository extends JpaRepository<ProctorActionRow, Long> {

    Slice<ProctorActionRow> findByQuizIdOrderByIdDesc(String quizId, Pageable page);

    /** The attempt's own entries and the class-wide ones from its start on, oldest first. */
    @Query("""
            select a from ProctorActionRow a
            where a.attemptId = :attemptId or (a.attemptId is null and a.quizId = :quizId and a.actedAt >= :since)
            order by a.id""")
    List<ProctorActionRow> affecting(@Param("attemptId") long attemptId, @Param("quizId") String quizId,
            @Param("since") Instant since);

    @Query("select coalesce(max(a.id), 0) from ProctorActionRow a where a.quizId = :quizId")
    long latestId(@Param("quizId") String quizId);
}
