package org.quizdesk.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.quizdesk.lti.internal.ToolKeyRepository;
import org.quizdesk.lti.internal.ToolKeyRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tool's own RSA keys (in the database, so every node signs with the same key and a restart keeps them): the
 * newest current key signs deep-linking responses and client assertions; the public key set lists the current keys
 * and those retired less than {@code quizdesk.lti.retired-key-published-for} ago.
 */
@Service
public class ToolKeys {

    /** The key a token is signed with: its id and when it was made, for the admin page. */
    public record KeyInfo(String kid, Instant createdAt, Instant retiredAt) {
    }

    private final ToolKeyRepository keys;
    private final LtiProperties properties;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    ToolKeys(ToolKeyRepository keys, LtiProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The signing key, with its private part; the first one is made on first use. */
    public RSAKey signingKey() {
        return rsaKey(current(), true);
    }

    /** The public key set as a platform fetches it. */
    @Transactional(readOnly = true)
    public JWKSet publicKeySet() {
        current();
        return new JWKSet(keys.published(clock.instant().minus(properties.retiredKeyPublishedFor())).stream()
                .map(row -> (com.nimbusds.jose.jwk.JWK) rsaKey(row, false)).toList());
    }

    /** The published keys, newest first. */
    @Transactional(readOnly = true)
    public List<KeyInfo> published() {
        return keys.published(clock.instant().minus(properties.retiredKeyPublishedFor())).stream()
                .map(row -> new KeyInfo(row.getKid(), row.getCreatedAt(), row.getRetiredAt())).toList();
    }

    /** A new signing key; the old ones stay published for a while, so tokens they signed still verify. */
    @Transactional
    public KeyInfo rotate() {
        Instant now = clock.instant();
        keys.findByRetiredAtIsNullOrderByCreatedAtDesc().forEach(row -> row.retire(now));
        ToolKeyRow created = generate();
        return new KeyInfo(created.getKid(), created.getCreatedAt(), null);
    }

    /**
     * The newest current key; the first one is made and committed in a transaction of its own, so that a platform
     * fetching the key set while the caller's transaction still runs (a passback's token request) already sees it.
     */
    private ToolKeyRow current() {
        List<ToolKeyRow> current = keys.findByRetiredAtIsNullOrderByCreatedAtDesc();
        return current.isEmpty() ? ownTransaction.execute(status -> generate()) : current.get(0);
    }

    private ToolKeyRow generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
            Base64.Encoder base64 = Base64.getEncoder();
            return keys.saveAndFlush(new ToolKeyRow(key.getKeyID(), base64.encodeToString(key.toRSAPrivateKey().getEncoded()),
                    base64.encodeToString(key.toRSAPublicKey().getEncoded()), clock.instant()));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not make an RSA key", e);
        }
    }

    private static RSAKey rsaKey(ToolKeyRow row, boolean withPrivate) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            Base64.Decoder base64 = Base64.getDecoder();
            RSAKey.Builder key = new RSAKey.Builder(
                    (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(base64.decode(row.getPublicKey()))))
                    .keyID(row.getKid()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
            if (withPrivate) {
                key.privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(row.getPrivateKey()))));
            }
            return key.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("tool key " + row.getKid() + " cannot be read", e);
        }
    }
}
