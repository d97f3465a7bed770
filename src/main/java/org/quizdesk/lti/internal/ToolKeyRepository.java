package org.quizdesk.lti.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ToolKeyRepository extends JpaRepository<ToolKeyRow, String> {

    List<ToolKeyRow> findByRetiredAtIsNullOrderByCreatedAtDesc();

    /** The keys a platform may still see a token signed with: current ones, and those retired after {@code since}. */
    @Query("select k from ToolKeyRow k where k.retiredAt is null or k.retiredAt > :since order by k.createdAt desc")
    List<ToolKeyRow> published(Instant since);
}
