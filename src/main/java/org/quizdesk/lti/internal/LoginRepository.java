package org.quizdesk.lti.internal;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface LoginRepository extends JpaRepository<LoginRow, String> {

    /** 1 for the one launch that uses this state first, 0 for any other (a replay, or the second of two at once). */
    @Modifying
    @Query("update LoginRow l set l.usedAt = :at where l.state = :state and l.usedAt is null")
    int use(String state, Instant at);

    @Modifying
    @Query("delete from LoginRow l where l.createdAt < :before")
    int deleteCreatedBefore(Instant before);
}
