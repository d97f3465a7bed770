package org.quizdesk.attempt;

import jakarta.servlet.http.HttpServletRequest;
import org.quizdesk.quiz.SafeExamBrowserKeys;

/**
 * What the access rules look at in a request: the client's address (behind the trusted proxies, see
 * system.TrustedProxies), the absolute URL the browser asked for (which Safe Exam Browser hashes), SEB's headers, and the
 * User-Agent (not a rule: evidence of which browser started and saved, see {@link BrowserLabel}).
 */
public record AccessRequest(String address, String url, String configKeyHash, String requestHash, String userAgent) {

    /**
     * No request at all (tests and tools calling the service): no address, no URL, no SEB headers, no browser. It passes a quiz
     * without access rules and is refused by any rule, so that a caller that forgets the request cannot skip them.
     */
    public static final AccessRequest NONE = new AccessRequest(null, null, null, null, null);

    public static AccessRequest of(HttpServletRequest request) {
        // getRequestURL is scheme, host, port and path as the browser used them (behind a trusted proxy: as it
        // forwarded them); SEB hashes the URL with its query and without the fragment, which never reaches a server
        StringBuffer url = request.getRequestURL();
        if (request.getQueryString() != null) {
            url.append('?').append(request.getQueryString());
        }
        return new AccessRequest(request.getRemoteAddr(), url.toString(),
                request.getHeader(SafeExamBrowserKeys.CONFIG_KEY_HEADER), request.getHeader(SafeExamBrowserKeys.REQUEST_HASH_HEADER),
                request.getHeader("User-Agent"));
    }
}
