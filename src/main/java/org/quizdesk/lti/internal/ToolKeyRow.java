package org.quizdesk.lti.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One of the tool's RSA key pairs, base64 DER: PKCS#8 private key, X.509 public key. */
@Entity
@Table(name = "lti_tool_key")
public class ToolKeyRow {

    @Id
    private String kid;
    private String privateKey;
    private String publicKey;
    private Instant createdAt;
    private Instant retiredAt;

    protected ToolKeyRow() {
    }

    public ToolKeyRow(String kid, String privateKey, String publicKey, Instant createdAt) {
        this.kid = kid;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.createdAt = createdAt;
    }

    public void retire(Instant at) {
        if (retiredAt == null) {
            retiredAt = at;
        }
    }

    public String getKid() {
        return kid;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRetiredAt() {
        return retiredAt;
    }
}
