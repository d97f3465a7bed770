package org.quizdesk.lti.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ScoreOutboxRepository extends JpaRepository<ScoreOutboxRow, Long> {

    Optional<ScoreOutboxRow> findByLineItemIdAndAccountId(long lineItemId, long accountId);

    @Query("select s from ScoreOutboxRow s where s.status = org.quizdesk.lti.internal.ScoreOutboxRow.Status.PENDING"
            + " and s.nextTryAt <= :now order by s.nextTryAt")
    List<ScoreOutboxRow> due(Instant now, Pageable page);

    List<ScoreOutboxRow> findByLineItemIdIn(Collection<Long> lineItemIds);

    List<ScoreOutboxRow> findByLineItemIdInAndAccountIdIn(Collection<Long> lineItemIds, Collection<Long> accountIds);
}
