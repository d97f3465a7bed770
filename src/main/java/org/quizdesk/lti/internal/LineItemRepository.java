package org.quizdesk.lti.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LineItemRepository extends JpaRepository<LineItemRow, Long> {

    Optional<LineItemRow> findByPlatformIdAndLineItemUrl(long platformId, String lineItemUrl);

    List<LineItemRow> findByQuizId(String quizId);
}
