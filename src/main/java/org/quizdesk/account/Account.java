package org.quizdesk.account;

import java.io.Serializable;

/**
 * An account as the other features see it: who it is, its role and state, whether a password is set; never the
 * password hash. Serializable, since the account page hands one over as a flash attribute.
 */
public record Account(long id, String username, String fullName, String email, String section, Role role,
        boolean enabled, boolean demo, boolean passwordSet) implements Serializable {
}
