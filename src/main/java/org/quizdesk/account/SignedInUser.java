package org.quizdesk.account;

import java.util.List;
import org.quizdesk.account.internal.AccountRow;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The principal of a signed-in session: the account's id, name and role, without a database round trip. */
public class SignedInUser extends User {

    private final long accountId;
    private final String fullName;
    private final Role role;

    SignedInUser(AccountRow account) {
        this(account, account.getPasswordHash() == null ? "" : account.getPasswordHash(),
                account.isEnabled() && account.getPasswordHash() != null);
    }

    /** The role is always the account's (the roster's); nothing else grants one. */
    SignedInUser(AccountRow account, String passwordHash, boolean enabled) {
        super(account.getUsername(), passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority(account.getRole().authority())));
        this.accountId = account.getId();
        this.fullName = account.getFullName();
        this.role = account.getRole();
    }

    public long accountId() {
        return accountId;
    }

    public String fullName() {
        return fullName;
    }

    public Role role() {
        return role;
    }
}
