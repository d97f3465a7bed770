package org.quizdesk.account;

import java.io.Serializable;

/** What the account-administration page shows of an account; no password hash. */
public record AccountSummary(long id, String username, String fullName, String email, String section, Role role,
        boolean enabled, boolean demo, boolean passwordSet) implements Serializable {

    static AccountSummary of(Account account) {
        return new AccountSummary(account.getId(), account.getUsername(), account.getFullName(), account.getEmail(),
                account.getSection(), account.getRole(), account.isEnabled(), account.isDemo(), account.getPasswordHash() != null);
    }
}
