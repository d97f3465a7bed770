package org.quizdesk.account;

import java.io.Serializable;
import java.util.Optional;

/**
 * Where a sign-in comes from, as the throttle counts it: the client's address (after trusted proxies) and, when
 * the browser carries a valid trusted-device cookie for the net id being signed in, that device's id (else null).
 * Kept in the signed-in session as the authentication's details, hence serializable.
 */
record SignInSource(String address, String device) implements Serializable {

    Optional<String> trustedDevice() {
        return Optional.ofNullable(device);
    }
}
