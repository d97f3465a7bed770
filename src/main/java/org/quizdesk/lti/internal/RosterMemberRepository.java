package org.quizdesk.lti.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RosterMemberRepository extends JpaRepository<RosterMemberRow, AccountLinkRow.Key> {

    /** The platform user ids imported under this net id at this issuer (normally one). */
    List<RosterMemberRow> findByIdIssuerAndNetIdOrderBySeenAtDesc(String issuer, String netId);
}
