package org.quizdesk.lti.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AccountLinkRepository extends JpaRepository<AccountLinkRow, AccountLinkRow.Key> {

    /** The platform's user ids of this account at this issuer (normally one). */
    @Query("select l.id.subject from AccountLinkRow l where l.id.issuer = :issuer and l.accountId = :accountId")
    List<String> subjects(String issuer, long accountId);

    /** Every platform user linked to this account, at any issuer, oldest first. */
    List<AccountLinkRow> findByAccountIdOrderByCreatedAt(long accountId);
}
