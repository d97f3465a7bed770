package org.quizdesk.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.Role;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.testsupport.LtiPlatform;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

/**
 * Deep Linking 2.0 over HTTP: an instructor's deep-linking launch, the quiz picker, and the signed response posted
 * back to the platform, checked as the platform would check it (against the tool's public key set); and the key set
 * across a rotation.
 */
class LtiDeepLinkTest extends LtiTestContext {

    private static final Pattern FORM = Pattern.compile("<form method=\"post\" id=\"lti-return\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern JWT = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"");

    @Autowired QuizCatalog catalog;
    @Autowired ToolKeys keys;

    @Test
    void anInstructorPicksAQuizAndTheSignedResponseNamesItWithALineItem() throws Exception {
        staffOnRoster("dl-prof", Role.INSTRUCTOR);
        Started started = initiate();
        Map<String, Object> launchClaims = deepLinkingClaims(started.nonce(), "sub-dl-prof");
        launchClaims.put(STAFF_NET_ID_CLAIM, "dl-prof");
        HttpResponse<String> launched = started.browser().launch(PLATFORM.idToken(launchClaims), started.state());
        assertThat(launched.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/lti/deep-link"));

        HttpResponse<String> picker = started.browser().get("/lti/deep-link");
        assertThat(picker.statusCode()).isEqualTo(200);
        assertThat(picker.body()).contains("Add a quiz to the course", "value=\"" + QUIZ + "\"", "shuffle-example");

        // nothing chosen: the picker again, saying so
        HttpResponse<String> none = started.browser().postFromPage("/lti/deep-link", "/lti/deep-link", Map.of());
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).contains("Choose a quiz.");

        HttpResponse<String> answer = started.browser().postFromPage("/lti/deep-link", "/lti/deep-link", Map.of("quiz", QUIZ));

        assertThat(answer.statusCode()).isEqualTo(200);
        Matcher form = FORM.matcher(answer.body());
        assertThat(form.find()).isTrue();
        assertThat(HtmlUtils.htmlUnescape(form.group(1))).isEqualTo(PLATFORM.url("/deep-link-return"));
        // the form may post there (the page's policy), and carries no CSRF token of ours to the platform
        assertThat(answer.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("form-action 'self' " + PLATFORM.issuer()));
        assertThat(answer.body().substring(form.start())).doesNotContain("_csrf\" value");
        Matcher jwt = JWT.matcher(answer.body());
        assertThat(jwt.find()).isTrue();

        SignedJWT response = SignedJWT.parse(jwt.group(1));
        JWKSet published = JWKSet.parse(started.browser().get("/lti/jwks").body());
        RSAKey key = (RSAKey) published.getKeyByKeyId(response.getHeader().getKeyID());
        assertThat(key).as("signed with a published key").isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(response.verify(new RSASSAVerifier(key))).isTrue();
        var claims = response.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(LtiPlatform.CLIENT_ID);
        assertThat(claims.getAudience()).containsExactly(PLATFORM.issuer());
        assertThat(claims.getClaim(LtiClaims.MESSAGE_TYPE)).isEqualTo("LtiDeepLinkingResponse");
        assertThat(claims.getClaim(LtiClaims.VERSION)).isEqualTo("1.3.0");
        assertThat(claims.getClaim(LtiClaims.DEPLOYMENT_ID)).isEqualTo(LtiPlatform.DEPLOYMENT_ID);
        assertThat(claims.getClaim(LtiClaims.DEEP_LINKING_DATA)).isEqualTo("platform-data-42");
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
        List<Object> items = claims.getListClaim(LtiClaims.CONTENT_ITEMS);
        assertThat(items).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> link = (Map<String, Object>) items.get(0);
        assertThat(link).containsEntry("type", "ltiResourceLink")
                .containsEntry("title", catalog.currentOrThrow(QUIZ).quiz().title())
                .containsEntry("url", "http://localhost:" + port + "/quizzes/" + QUIZ)
                .containsEntry("custom", Map.of("quiz", QUIZ));
        @SuppressWarnings("unchecked")
        Map<String, Object> lineItem = (Map<String, Object>) link.get("lineItem");
        assertThat(new BigDecimal(lineItem.get("scoreMaximum").toString()))
                .isEqualByComparingTo(catalog.currentOrThrow(QUIZ).quiz().maxPoints());
        assertThat(lineItem).containsEntry("resourceId", QUIZ);

        // the choice is made once: the deep-linking request is gone from the session
        assertThat(started.browser().get("/lti/deep-link").statusCode()).isEqualTo(400);
    }

    @Test
    void aStudentCannotDeepLink() throws Exception {
        Started started = initiate();
        Map<String, Object> claims = deepLinkingClaims(started.nonce(), "sub-dl-student");
        claims.put(LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"));
        HttpResponse<String> refused = started.browser().launch(PLATFORM.idToken(claims), started.state());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Only course staff can add a quiz");
        // and the picker is closed to a browser that was not launched and signed in
        assertThat(new LtiBrowser(port).get("/lti/deep-link").statusCode()).isEqualTo(302);
    }

    @Test
    void aRotatedKeyStaysPublishedAndTheNewOneSigns() throws Exception {
        String before = keys.signingKey().getKeyID();
        ToolKeys.KeyInfo rotated = keys.rotate();

        JWKSet published = JWKSet.parse(new LtiBrowser(port).get("/lti/jwks").body());

        assertThat(rotated.kid()).isNotEqualTo(before);
        assertThat(keys.signingKey().getKeyID()).isEqualTo(rotated.kid());
        assertThat(published.getKeys()).extracting(k -> k.getKeyID()).contains(before, rotated.kid());
        assertThat(published.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
    }

    static Map<String, Object> deepLinkingClaims(String nonce, String subject) {
        Map<String, Object> claims = PLATFORM.launchClaims(nonce, subject);
        claims.put(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingRequest");
        claims.remove(LtiClaims.RESOURCE_LINK);
        claims.put(LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"));
        claims.put(LtiClaims.DEEP_LINKING_SETTINGS, Map.of("deep_link_return_url", PLATFORM.url("/deep-link-return"),
                "accept_types", List.of("ltiResourceLink"), "accept_presentation_document_targets", List.of("window"),
                "data", "platform-data-42"));
        return claims;
    }
}
