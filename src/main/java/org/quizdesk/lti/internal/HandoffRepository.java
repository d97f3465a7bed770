package org.quizdesk.lti.internal;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface HandoffRepository extends JpaRepository<HandoffRow, String> {

    /** 1 for the one request that uses a live code first, 0 for any other (used, expired, or the second of two at once). */
    @Modifying
    @Query("update HandoffRow h set h.usedAt = :at where h.codeDigest = :digest and h.usedAt is null and h.expiresAt > :at")
    int use(String digest, Instant at);

    @Modifying
    @Query("delete from HandoffRow h where h.expiresAt < :before")
    int deleteExpiredBefore(Instant before);
}
