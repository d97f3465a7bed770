package org.quizdesk.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.quizdesk.quiz.CurrentQuiz;
import org.springframework.stereotype.Service;

/**
 * Deep Linking 2.0 responses: one {@code ltiResourceLink} to the chosen quiz, with a line item whose maximum is the
 * quiz's points, in a JWT signed with the tool's key (the platform checks it against {@code /lti/jwks}).
 */
@Service
class DeepLinks {

    /** Long enough for a slow auto-post, short enough that a copied response is soon useless. */
    static final Duration VALID_FOR = Duration.ofMinutes(5);

    private final ToolKeys keys;
    private final PlatformRegistrations platforms;
    private final Clock clock;

    DeepLinks(ToolKeys keys, PlatformRegistrations platforms, Clock clock) {
        this.keys = keys;
        this.platforms = platforms;
        this.clock = clock;
    }

    /**
     * @param quizUrl the quiz's address at this tool, which later launches bring as their target link
     * @throws LaunchRefused when the platform's registration was removed meanwhile
     */
    String response(DeepLinkRequest request, CurrentQuiz quiz, String quizUrl) {
        Platform platform = platforms.find(request.platformId())
                .orElseThrow(() -> new LaunchRefused(LaunchRefused.Reason.UNKNOWN_PLATFORM, "removed during deep linking"));
        Map<String, Object> lineItem = new LinkedHashMap<>();
        lineItem.put("scoreMaximum", quiz.quiz().maxPoints());
        lineItem.put("label", quiz.quiz().title());
        lineItem.put("resourceId", quiz.quiz().id());
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("type", "ltiResourceLink");
        link.put("title", quiz.quiz().title());
        link.put("url", quizUrl);
        link.put("custom", Map.of(LtiClaims.CUSTOM_QUIZ, quiz.quiz().id()));
        link.put("lineItem", lineItem);
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(platform.clientId())
                .audience(platform.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(VALID_FOR)))
                .claim("nonce", UUID.randomUUID().toString())
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_RESPONSE)
                .claim(LtiClaims.VERSION, LtiClaims.LTI_VERSION)
                .claim(LtiClaims.DEPLOYMENT_ID, request.deploymentId())
                .claim(LtiClaims.CONTENT_ITEMS, List.of(link));
        if (request.data() != null) {
            claims.claim(LtiClaims.DEEP_LINKING_DATA, request.data());
        }
        return sign(claims.build());
    }

    private String sign(JWTClaimsSet claims) {
        RSAKey key = keys.signingKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign with tool key " + key.getKeyID(), e);
        }
        return jwt.serialize();
    }
}
