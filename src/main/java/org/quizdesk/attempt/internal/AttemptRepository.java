package org.quizdesk.attempt.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.quizdesk.attempt.AttemptCounts;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The attempt table: reads, the guarded deadline move, and the expiry job's and overview's queries. */
public interface AttemptRepository extends JpaRepository<Attempt, Long> {

    Optional<Attempt> findByQuizIdAndAccountId(String quizId, long accountId);

    Optional<Attempt> findByIdAndAccountId(long id, long accountId);

    List<Attempt> findByAccountId(long accountId);

    List<Attempt> findByQuizId(String quizId);

    /**
     * Moves an open attempt's deadline, if it is still the one the caller read: a proctor's change never overwrites
     * another one made meanwhile, nor touches an attempt submitted meanwhile. 1 if moved.
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Attempt a set a.deadline = :to
            where a.id = :id and a.deadline = :from and a.submittedAt is null""")
    int moveDeadline(@Param("id") long id, @Param("from") Instant from, @Param("to") Instant to);

    /** The quiz's attempts not submitted yet whose deadline is after the given instant (those still working). */
    List<Attempt> findByQuizIdAndSubmittedAtIsNullAndDeadlineAfter(String quizId, Instant deadlineAfter);

    /** Open attempts whose deadline is before the given instant, oldest first: what the expiry job needs, no answers. */
    @Query("""
            select new org.quizdesk.attempt.internal.ExpiredAttempt(a.id, a.quizId, a.deadline) from Attempt a
            where a.submittedAt is null and a.deadline < :deadlineBefore order by a.deadline""")
    List<ExpiredAttempt> findExpired(@Param("deadlineBefore") Instant deadlineBefore);

    List<Attempt> findByQuizIdAndAccountIdIn(String quizId, Collection<Long> accountIds);

    List<Attempt> findByQuizIdAndSubmittedAtIsNotNullOrderByIdAsc(String quizId);

    /**
     * Per quiz and version: attempts, submitted attempts, and submitted attempts with answers waiting for a grader
     * (the staff overview, in one query).
     */
    @Query("""
            select new org.quizdesk.attempt.AttemptCounts(a.quizId, a.versionId, count(a), count(a.submittedAt),
                   sum(case when a.submittedAt is not null and a.pendingCount > 0 then 1 else 0 end))
            from Attempt a group by a.quizId, a.versionId""")
    List<AttemptCounts> countByQuizAndVersion();
}
