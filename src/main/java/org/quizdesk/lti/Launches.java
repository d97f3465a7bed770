package org.quizdesk.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quizdesk.lti.LaunchRefused.Reason;
import org.quizdesk.lti.internal.LoginRepository;
import org.quizdesk.lti.internal.LoginRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * LTI 1.3 launches: the OIDC third-party login initiation (a state and a nonce, stored, sent to the platform), and the
 * launch's id token checked fully: the state (known, unused, fresh, and this browser's), the signature against the
 * platform's key set, issuer, audience and {@code azp}, expiry and issue time, the nonce (once), the deployment, the
 * message type and the LTI version.
 */
@Service
public class Launches {

    private static final Logger log = LoggerFactory.getLogger(Launches.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the platform sends to {@code /lti/login}. */
    public record LoginRequest(String issuer, String loginHint, String targetLinkUri, String messageHint, String clientId,
            String deploymentId) {
    }

    /** Where the browser goes next, and the state its cookie must carry back. */
    public record LoginRedirect(String location, String state) {
    }

    private final PlatformRegistrations platforms;
    private final PlatformKeySets keySets;
    private final LoginRepository logins;
    private final LtiProperties properties;
    private final Clock clock;

    Launches(PlatformRegistrations platforms, PlatformKeySets keySets, LoginRepository logins, LtiProperties properties, Clock clock) {
        this.platforms = platforms;
        this.keySets = keySets;
        this.logins = logins;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param redirectUri this tool's {@code /lti/launch}, as registered at the platform */
    @Transactional
    public LoginRedirect initiate(LoginRequest request, String redirectUri) {
        Platform platform = platformOf(request.issuer(), request.clientId());
        if (request.deploymentId() != null && !request.deploymentId().isBlank()
                && !platform.deploymentIds().contains(request.deploymentId())) {
            throw new LaunchRefused(Reason.DEPLOYMENT, "deployment " + request.deploymentId() + " of " + platform.issuer());
        }
        Instant now = clock.instant();
        // logins never completed (a closed tab) would pile up: each new one clears the expired
        logins.deleteCreatedBefore(now.minus(properties.loginValidFor()));
        LoginRow login = logins.save(new LoginRow(random(), random(), platform.id(), now));
        UriComponentsBuilder location = UriComponentsBuilder.fromUriString(platform.oidcLoginUrl())
                .queryParam("scope", "openid")
                .queryParam("response_type", "id_token")
                .queryParam("response_mode", "form_post")
                .queryParam("prompt", "none")
                .queryParam("client_id", platform.clientId())
                .queryParam("redirect_uri", redirectUri)
                .queryParam("login_hint", request.loginHint())
                .queryParam("state", login.getState())
                .queryParam("nonce", login.getNonce());
        if (request.messageHint() != null && !request.messageHint().isBlank()) {
            location.queryParam("lti_message_hint", request.messageHint());
        }
        return new LoginRedirect(location.encode().build().toUriString(), login.getState());
    }

    /**
     * @param browserState the state the browser's login cookie carries (null when it has none)
     * @throws LaunchRefused naming the first check that failed
     */
    @Transactional(noRollbackFor = LaunchRefused.class)
    public Launch launch(String idToken, String state, String browserState) {
        Instant now = clock.instant();
        if (state == null || state.isBlank() || !state.equals(browserState)) {
            throw new LaunchRefused(Reason.STATE, browserState == null ? "no login cookie for this state" : "state differs from the cookie's");
        }
        LoginRow login = logins.findById(state).orElseThrow(() -> new LaunchRefused(Reason.STATE, "unknown or expired state"));
        if (login.getCreatedAt().plus(properties.loginValidFor()).isBefore(now)) {
            throw new LaunchRefused(Reason.STATE, "login started at " + login.getCreatedAt());
        }
        Platform platform = platforms.find(login.getPlatformId()).orElseThrow(() -> new LaunchRefused(Reason.UNKNOWN_PLATFORM, "removed"));
        JWTClaimsSet claims = verified(idToken, platform);
        Map<String, Object> all = claims.getClaims();
        if (!platform.issuer().equals(claims.getIssuer())) {
            throw new LaunchRefused(Reason.ISSUER, String.valueOf(claims.getIssuer()));
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(platform.clientId())) {
            throw new LaunchRefused(Reason.AUDIENCE, String.valueOf(audience));
        }
        Object azp = all.get("azp");
        if ((audience.size() > 1 || azp != null) && !platform.clientId().equals(azp)) {
            throw new LaunchRefused(Reason.AUDIENCE, "azp " + azp);
        }
        Date expires = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        if (expires == null || issued == null || expires.toInstant().plus(properties.clockSkew()).isBefore(now)
                || issued.toInstant().minus(properties.clockSkew()).isAfter(now)) {
            throw new LaunchRefused(Reason.EXPIRED, "exp " + expires + ", iat " + issued);
        }
        if (!login.getNonce().equals(all.get("nonce"))) {
            throw new LaunchRefused(Reason.NONCE, "nonce differs from the login's");
        }
        if (login.getUsedAt() != null || logins.use(state, now) != 1) {
            throw new LaunchRefused(Reason.REPLAYED, "state " + state + " used before");
        }
        String deploymentId = text(all.get(LtiClaims.DEPLOYMENT_ID));
        if (deploymentId == null || !platform.deploymentIds().contains(deploymentId)) {
            throw new LaunchRefused(Reason.DEPLOYMENT, "deployment " + deploymentId + " of " + platform.issuer());
        }
        String messageType = text(all.get(LtiClaims.MESSAGE_TYPE));
        if (!LtiClaims.RESOURCE_LINK_REQUEST.equals(messageType) && !LtiClaims.DEEP_LINKING_REQUEST.equals(messageType)) {
            throw new LaunchRefused(Reason.MESSAGE_TYPE, String.valueOf(messageType));
        }
        if (!LtiClaims.LTI_VERSION.equals(all.get(LtiClaims.VERSION))) {
            throw new LaunchRefused(Reason.VERSION, String.valueOf(all.get(LtiClaims.VERSION)));
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new LaunchRefused(Reason.NO_USER, "anonymous launch");
        }
        Map<String, Object> settings = map(all.get(LtiClaims.DEEP_LINKING_SETTINGS));
        String returnUrl = text(settings.get("deep_link_return_url"));
        if (LtiClaims.DEEP_LINKING_REQUEST.equals(messageType) && (returnUrl == null || !PlatformForm.webAddress(returnUrl))) {
            throw new LaunchRefused(Reason.MALFORMED, "deep linking without a return URL");
        }
        if (LtiClaims.RESOURCE_LINK_REQUEST.equals(messageType) && text(map(all.get(LtiClaims.RESOURCE_LINK)).get("id")) == null) {
            throw new LaunchRefused(Reason.MALFORMED, "resource link launch without a resource link id");
        }
        return new Launch(platform, deploymentId, messageType, subject, all, roles(all.get(LtiClaims.ROLES)),
                text(all.get(LtiClaims.TARGET_LINK_URI)), map(all.get(LtiClaims.CUSTOM)), returnUrl, text(settings.get("data")));
    }

    private JWTClaimsSet verified(String idToken, Platform platform) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(idToken == null ? "" : idToken);
        } catch (ParseException e) {
            throw new LaunchRefused(Reason.MALFORMED, "id_token is not a signed JWT");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keySets.of(platform)));
        // the claims are checked by launch(), against the app's clock
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        try {
            return processor.process(jwt, null);
        } catch (KeySourceException e) {
            log.warn("The key set of {} could not be read from {}: {}", platform.issuer(), platform.keySetUrl(), e.getMessage());
            throw new LaunchRefused(Reason.KEY_SET, e.getMessage());
        } catch (BadJOSEException | JOSEException e) {
            throw new LaunchRefused(Reason.SIGNATURE, e.getMessage());
        }
    }

    private Platform platformOf(String issuer, String clientId) {
        if (issuer == null || issuer.isBlank()) {
            throw new LaunchRefused(Reason.LOGIN_REQUEST, "no iss");
        }
        if (clientId != null && !clientId.isBlank()) {
            return platforms.find(issuer, clientId).orElseThrow(() -> new LaunchRefused(Reason.UNKNOWN_PLATFORM, issuer + " / " + clientId));
        }
        List<Platform> candidates = platforms.withIssuer(issuer);
        if (candidates.size() != 1) {
            // several registrations of one issuer need the client_id to tell them apart
            throw new LaunchRefused(Reason.UNKNOWN_PLATFORM, issuer + " (" + candidates.size() + " registrations, no client_id)");
        }
        return candidates.get(0);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<String> roles(Object value) {
        return value instanceof List<?> list ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : List.of();
    }

    static Optional<String> customText(Launch launch, String name) {
        return Optional.ofNullable(text(launch.custom().get(name)));
    }
}
