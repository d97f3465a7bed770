package org.quizdesk.lti.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A platform's gradebook column (AGS line item) a quiz's link posts its scores to. */
@Entity
@Table(name = "lti_line_item")
public class LineItemRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long platformId;
    private String quizId;
    private String lineItemUrl;
    private String contextId;
    private String membershipsUrl;
    private Instant createdAt;

    protected LineItemRow() {
    }

    public LineItemRow(long platformId, String quizId, String lineItemUrl, String contextId, Instant createdAt) {
        this.platformId = platformId;
        this.quizId = quizId;
        this.lineItemUrl = lineItemUrl;
        this.contextId = contextId;
        this.createdAt = createdAt;
    }

    /** The link now points to this quiz (a deep link edited in the LMS), with the newest membership service. */
    public void relink(String quizId, String membershipsUrl) {
        this.quizId = quizId;
        if (membershipsUrl != null) {
            this.membershipsUrl = membershipsUrl;
        }
    }

    public Long getId() {
        return id;
    }

    public long getPlatformId() {
        return platformId;
    }

    public String getQuizId() {
        return quizId;
    }

    public String getLineItemUrl() {
        return lineItemUrl;
    }

    public String getContextId() {
        return contextId;
    }

    public String getMembershipsUrl() {
        return membershipsUrl;
    }
}
