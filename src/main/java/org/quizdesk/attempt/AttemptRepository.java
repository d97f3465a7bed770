package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AttemptRepository extends JpaRepository<Attempt, Long> {

    Optional<Attempt> findByQuizIdAndAccountId(String quizId, long accountId);

    Optional<Attempt> findByIdAndAccountId(long id, long accountId);

    List<Attempt> findByAccountId(long accountId);

    List<Attempt> findByQuizId(String quizId);

    /** Claims the submission: only one caller (tab, retry, node or the deadline job) ever gets 1. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Attempt a set a.submittedAt = :now, a.submittedBy = :by
            where a.id = :id and a.submittedAt is null""")
    int claimSubmission(@Param("id") long id, @Param("now") Instant now, @Param("by") SubmittedBy by);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Attempt a set a.total = :total, a.maxPoints = :max, a.pendingCount = :pending where a.id = :id")
    int recordTotal(@Param("id") long id, @Param("total") BigDecimal total, @Param("max") BigDecimal max,
            @Param("pending") int pending);

    /** Open attempts whose deadline is before the given instant, oldest first: what the expiry job needs, no answers. */
    @Query("""
            select new org.quizdesk.attempt.ExpiredAttempt(a.id, a.quizId, a.deadline) from Attempt a
            where a.submittedAt is null and a.deadline < :deadlineBefore order by a.deadline""")
    List<ExpiredAttempt> findExpired(@Param("deadlineBefore") Instant deadlineBefore);

    List<Attempt> findByQuizIdAndAccountIdIn(String quizId, Collection<Long> accountIds);

    List<Attempt> findByQuizIdAndSubmittedAtIsNotNullOrderByIdAsc(String quizId);

    /** A regrade moves a submitted attempt onto the quiz's current version. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Attempt a set a.versionId = :versionId where a.id = :id")
    int moveToVersion(@Param("id") long id, @Param("versionId") long versionId);

    /**
     * Per quiz and version: attempts, submitted attempts, and submitted attempts with answers waiting for a grader
     * (the staff overview, in one query).
     */
    @Query("""
            select a.quizId, a.versionId, count(a), count(a.submittedAt),
                   sum(case when a.submittedAt is not null and a.pendingCount > 0 then 1 else 0 end)
            from Attempt a group by a.quizId, a.versionId""")
    List<Object[]> countByQuizAndVersion();
}
