package org.quizdesk.account;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The session's CSRF token for script clients (the quiz page's sign-in dialog); the token changes at every sign-in. It
 * also names who the session is signed in as, if anyone: the dialog learns so that a university sign-in made in another
 * tab is the quiz's own account.
 */
@RestController
class CsrfController {

    @GetMapping("/api/csrf")
    Map<String, String> csrf(CsrfToken token, Principal signedIn) {
        Map<String, String> answer = new LinkedHashMap<>(Map.of("token", token.getToken(), "header", token.getHeaderName(),
                "parameter", token.getParameterName()));
        if (signedIn != null) {
            answer.put("username", signedIn.getName());
        }
        return answer;
    }
}
