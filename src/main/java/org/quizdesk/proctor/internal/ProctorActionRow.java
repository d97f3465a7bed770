package org.quizdesk.proctor.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.quizdesk.proctor.ProctorAction;

/** An entry of the proctor's audit log. Never updated. */
@Entity
@Table(name = "proctor_action")
public class ProctorActionRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String quizId;

    private Long attemptId;

    private Long actorId;

    @Enumerated(EnumType.STRING)
    private ProctorAction.Kind action;

    private String detail;

    private String reason;

    private Instant actedAt;

    protected ProctorActionRow() {
    }

    public ProctorActionRow(String quizId, Long attemptId, long actorId, ProctorAction.Kind action, String detail,
            String reason, Instant actedAt) {
        this.quizId = quizId;
        this.attemptId = attemptId;
        this.actorId = actorId;
        this.action = action;
        this.detail = detail;
        this.reason = reason;
        this.actedAt = actedAt;
    }

    public ProctorAction view() {
        return new ProctorAction(id, quizId, attemptId, actorId, action, detail, reason, actedAt);
    }
}
