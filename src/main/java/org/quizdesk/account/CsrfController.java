package org.quizdesk.account;

import java.util.Map;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The session's CSRF token for script clients (the quiz page's sign-in dialog); the token changes at every sign-in. */
@RestController
class CsrfController {

    @GetMapping("/api/csrf")
    Map<String, String> csrf(CsrfToken token) {
        return Map.of("token", token.getToken(), "header", token.getHeaderName(), "parameter", token.getParameterName());
    }
}
