package org.quizdesk.lti.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A platform (LMS) registration as an instructor entered it. */
@Entity
@Table(name = "lti_platform")
public class PlatformRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String issuer;
    private String clientId;
    /** One deployment id a line. */
    private String deploymentIds;
    private String oidcLoginUrl;
    private String tokenUrl;
    private String keySetUrl;
    private boolean trustsCustomNetId;
    private Instant createdAt;

    protected PlatformRow() {
    }

    public PlatformRow(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public void change(String issuer, String clientId, List<String> deploymentIds, String oidcLoginUrl, String tokenUrl,
            String keySetUrl, boolean trustsCustomNetId) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.deploymentIds = String.join("\n", deploymentIds);
        this.oidcLoginUrl = oidcLoginUrl;
        this.tokenUrl = tokenUrl;
        this.keySetUrl = keySetUrl;
        this.trustsCustomNetId = trustsCustomNetId;
    }

    public Long getId() {
        return id;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public List<String> getDeploymentIds() {
        return Arrays.stream(deploymentIds.split("\n")).filter(s -> !s.isBlank()).toList();
    }

    public String getOidcLoginUrl() {
        return oidcLoginUrl;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public String getKeySetUrl() {
        return keySetUrl;
    }

    public boolean trustsCustomNetId() {
        return trustsCustomNetId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
