package org.quizdesk.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Where a university sign-in that did not let the person in ends: the refusal page, saying why in words they can
 * act on. Why, and the net id (or e-mail) the provider gave, are kept in the session, so the page shows its owner
 * who they were signed in as also after a reload or a switch of language, and a crafted link cannot make it say
 * anything; the reason in the page's address is only for people reading logs.
 */
final class UniversitySignInRefusals implements AuthenticationFailureHandler {

    static final String PAGE = "/signin/refused";
    /** Any failure that is not a refusal of ours: a token Spring refused (audience, signature, expiry), a cancel. */
    static final String FAILED = "failed";

    private static final Logger log = LoggerFactory.getLogger(UniversitySignInRefusals.class);

    /** The session attribute the refusal page reads. */
    static final String SESSION_ATTRIBUTE = "org.quizdesk.account.UniversitySignInRefusals.last";

    /** The last refusal in this browser: a reason code and the identity the provider gave (null when it gave none). */
    record Refusal(String reason, String identity) implements Serializable {
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        Refusal refusal = new Refusal(FAILED, null);
        if (exception instanceof UniversitySignInRefused refused) {
            refusal = new Refusal(refused.reason().code(), refused.identity());
        } else {
            // e.g. "[invalid_id_token] The ID Token contains invalid claims: {aud=[…]}": what an operator needs
            log.warn("University sign-in failed: {}", exception.getMessage());
        }
        request.getSession().setAttribute(SESSION_ATTRIBUTE, refusal);
        response.sendRedirect(request.getContextPath() + PAGE + "?reason=" + refusal.reason());
    }
}
