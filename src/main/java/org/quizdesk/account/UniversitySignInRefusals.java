package org.quizdesk.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Where a university sign-in that did not let the person in ends: the refusal page, saying why in words they can
 * act on. The net id (or e-mail) the provider gave travels as a flash attribute, so the page shows its owner who
 * they were signed in as, and a crafted link cannot make it say anything.
 */
final class UniversitySignInRefusals implements AuthenticationFailureHandler {

    static final String PAGE = "/signin/refused";
    /** Any failure that is not a refusal of ours: a token Spring refused (audience, signature, expiry), a cancel. */
    static final String FAILED = "failed";

    private static final Logger log = LoggerFactory.getLogger(UniversitySignInRefusals.class);

    /** The one DispatcherServlet uses by default: flash attributes in the session, for the next request to the page. */
    private final SessionFlashMapManager flashes = new SessionFlashMapManager();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason = FAILED;
        if (exception instanceof UniversitySignInRefused refused) {
            reason = refused.reason().code();
            if (refused.identity() != null) {
                FlashMap flash = new FlashMap();
                flash.put("identity", refused.identity());
                flash.setTargetRequestPath(request.getContextPath() + PAGE);
                flashes.saveOutputFlashMap(flash, request, response);
            }
        } else {
            // e.g. "[invalid_id_token] The ID Token contains invalid claims: {aud=[…]}": what an operator needs
            log.warn("University sign-in failed: {}", exception.getMessage());
        }
        response.sendRedirect(request.getContextPath() + PAGE + "?reason=" + reason);
    }
}
