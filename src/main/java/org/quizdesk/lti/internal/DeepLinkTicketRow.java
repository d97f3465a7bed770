package org.quizdesk.lti.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A framed deep-linking launch waiting for the instructor's pick: the request, who may pick, until used or expired. */
@Entity
@Table(name = "lti_deep_link_ticket")
public class DeepLinkTicketRow {

    @Id
    private String codeDigest;
    private long accountId;
    private long platformId;
    private String deploymentId;
    private String returnUrl;
    private String platformData;
    private String frameAncestors;
    private Instant expiresAt;
    private Instant usedAt;

    protected DeepLinkTicketRow() {
    }

    public DeepLinkTicketRow(String codeDigest, long accountId, long platformId, String deploymentId, String returnUrl,
            String platformData, String frameAncestors, Instant expiresAt) {
        this.codeDigest = codeDigest;
        this.accountId = accountId;
        this.platformId = platformId;
        this.deploymentId = deploymentId;
        this.returnUrl = returnUrl;
        this.platformData = platformData;
        this.frameAncestors = frameAncestors;
        this.expiresAt = expiresAt;
    }

    public long getAccountId() {
        return accountId;
    }

    public long getPlatformId() {
        return platformId;
    }

    public String getDeploymentId() {
        return deploymentId;
    }

    public String getReturnUrl() {
        return returnUrl;
    }

    public String getPlatformData() {
        return platformData;
    }

    public String getFrameAncestors() {
        return frameAncestors;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
