package org.quizdesk.lti.internal;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface DeepLinkTicketRepository extends JpaRepository<DeepLinkTicketRow, String> {

    /** 1 for the one request that uses a live ticket first, 0 for any other (used, expired, or the second of two at once). */
    @Modifying
    @Query("update DeepLinkTicketRow t set t.usedAt = :at where t.codeDigest = :digest and t.usedAt is null and t.expiresAt > :at")
    int use(String digest, Instant at);

    @Modifying
    @Query("delete from DeepLinkTicketRow t where t.expiresAt < :before")
    int deleteExpiredBefore(Instant before);
}
