package org.quizdesk.lti;

import org.springframework.http.HttpStatus;

/** A login initiation or launch that failed a check; the page names the check (never a stack trace). */
public class LaunchRefused extends RuntimeException {

    /** Each check, with its status and the message key of its explanation ({@code lti.refused.<code>}). */
    public enum Reason {
        LOGIN_REQUEST("login-request", HttpStatus.BAD_REQUEST),
        UNKNOWN_PLATFORM("unknown-platform", HttpStatus.BAD_REQUEST),
        PLATFORM_ERROR("platform-error", HttpStatus.BAD_REQUEST),
        STATE("state", HttpStatus.BAD_REQUEST),
        MALFORMED("malformed", HttpStatus.BAD_REQUEST),
        KEY_SET("key-set", HttpStatus.BAD_GATEWAY),
        SIGNATURE("signature", HttpStatus.UNAUTHORIZED),
        ISSUER("issuer", HttpStatus.UNAUTHORIZED),
        AUDIENCE("audience", HttpStatus.UNAUTHORIZED),
        EXPIRED("expired", HttpStatus.UNAUTHORIZED),
        NONCE("nonce", HttpStatus.UNAUTHORIZED),
        REPLAYED("replayed", HttpStatus.UNAUTHORIZED),
        DEPLOYMENT("deployment", HttpStatus.FORBIDDEN),
        MESSAGE_TYPE("message-type", HttpStatus.BAD_REQUEST),
        VERSION("version", HttpStatus.BAD_REQUEST),
        NO_USER("no-user", HttpStatus.BAD_REQUEST),
        DISABLED("disabled", HttpStatus.FORBIDDEN),
        NOT_STAFF("not-staff", HttpStatus.FORBIDDEN),
        STAFF_NOT_ON_ROSTER("staff-not-on-roster", HttpStatus.FORBIDDEN),
        ANOTHER_USERS_ACCOUNT("another-users-account", HttpStatus.FORBIDDEN),
        NO_QUIZ("no-quiz", HttpStatus.NOT_FOUND),
        HANDOFF("handoff", HttpStatus.GONE),
        CROSS_SITE("cross-site", HttpStatus.FORBIDDEN),
        DEEP_LINK_TICKET("deep-link-ticket", HttpStatus.GONE);

        private final String code;
        private final HttpStatus status;

        Reason(String code, HttpStatus status) {
            this.code = code;
            this.status = status;
        }

        public String code() {
            return code;
        }

        public HttpStatus status() {
            return status;
        }

        public String messageKey() {
            return "lti.refused." + code;
        }
    }

    private final Reason reason;

    public LaunchRefused(Reason reason, String detail) {
        super(reason.code() + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
