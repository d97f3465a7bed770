package org.quizdesk.proctor.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An announcement to a quiz's students; withdrawing it is its one change. */
@Entity
@Table(name = "announcement")
public class AnnouncementRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String quizId;

    private String body;

    private Long postedBy;

    private Instant postedAt;

    private Instant withdrawnAt;

    protected AnnouncementRow() {
    }

    public AnnouncementRow(String quizId, String body, long postedBy, Instant postedAt) {
        this.quizId = quizId;
        this.body = body;
        this.postedBy = postedBy;
        this.postedAt = postedAt;
    }

    /** @return false if it was withdrawn already */
    public boolean withdraw(Instant now) {
        if (withdrawnAt != null) {
            return false;
        }
        withdrawnAt = now;
        return true;
    }

    public Long getId() {
        return id;
    }

    public String getQuizId() {
        return quizId;
    }

    public String getBody() {
        return body;
    }

    public Long getPostedBy() {
        return postedBy;
    }

    public Instant getPostedAt() {
        return postedAt;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }
}
