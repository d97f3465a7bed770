package org.quizdesk.lti.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountLinkRepository extends JpaRepository<AccountLinkRow, AccountLinkRow.Key> {
}
