package org.quizdesk.lti.internal;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member of a platform's roster (NRPS): their platform user id and the net id they are imported under. */
@Entity
@Table(name = "lti_roster_member")
public class RosterMemberRow {

    @EmbeddedId
    private AccountLinkRow.Key id;
    private String netId;
    private Instant seenAt;

    protected RosterMemberRow() {
    }

    public RosterMemberRow(String issuer, String subject, String netId, Instant seenAt) {
        this.id = new AccountLinkRow.Key(issuer, subject);
        this.netId = netId;
        this.seenAt = seenAt;
    }

    /** Seen again in a later pull: the net id is the platform's newest. */
    public void seen(String netId, Instant at) {
        this.netId = netId;
        this.seenAt = at;
    }

    public String getSubject() {
        return id.subject();
    }
}
