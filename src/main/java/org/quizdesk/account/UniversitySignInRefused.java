package org.quizdesk.account;

import java.util.Locale;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** The identity provider signed a person in, and Quizdesk does not let them in; the refusal page says why. */
final class UniversitySignInRefused extends OAuth2AuthenticationException {

    enum Reason {
        /** nobody on the roster has this net id (or e-mail): nobody is created from a token */
        NOT_ON_ROSTER,
        /** the account is disabled */
        DISABLED,
        /** the token carries no usable net id or verified e-mail (a provider set up differently from quizdesk.sign-in) */
        NO_IDENTITY,
        /** several accounts have this e-mail address, so it names none of them */
        AMBIGUOUS_EMAIL;

        /** As the refusal page's address and message keys spell it. */
        String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;
    /** The net id or e-mail as the provider gave it, shown back to its owner; null when it gave none. */
    private final String identity;

    UniversitySignInRefused(Reason reason, String identity) {
        super(new OAuth2Error("access_denied", reason.name(), null), reason.name());
        this.reason = reason;
        this.identity = identity;
    }

    Reason reason() {
        return reason;
    }

    String identity() {
        return identity;
    }
}
