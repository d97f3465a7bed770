package org.quizdesk.account;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import org.quizdesk.account.internal.AccountRepository;
import org.quizdesk.account.internal.AccountRow;
import org.quizdesk.account.internal.PasswordSetupRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What instructors do to accounts: find, disable and re-enable, reset a password, end sessions. Every change ends the
 * account's sessions (after the commit), so it takes effect on the account's next request, and is logged at INFO
 * as "who did what to whom".
 */
@Service
public class AccountAdministration {

    private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);
    public static final int PAGE_SIZE = 50;

    private final AccountRepository accounts;
    private final PasswordSetupService setups;
    private final AccountSessions sessions;

    AccountAdministration(AccountRepository accounts, PasswordSetupService setups, AccountSessions sessions) {
        this.accounts = accounts;
        this.setups = setups;
        this.sessions = sessions;
    }

    /** A page of accounts whose net id or name contains {@code query} (every account when blank), by net id. */
    @Transactional(readOnly = true)
    public Page<Account> search(String query, int page) {
        PageRequest request = PageRequest.of(page, PAGE_SIZE, Sort.by("username"));
        String text = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        Page<AccountRow> found = text.isEmpty() ? accounts.findAll(request) : accounts.search("%" + likeEscaped(text) + "%", request);
        return found.map(AccountRow::toAccount);
    }

    @Transactional
    public Account disable(long accountId, String actor) {
        AccountRow account = account(accountId);
        refuseOwn(account, actor, "You cannot disable your own account.");
        account.disable();
        sessions.endAfterCommit(account.getUsername());
        log.info("{} disabled account {} and ended its sessions", actor, account.getUsername());
        return account.toAccount();
    }

    @Transactional
    public Account enable(long accountId, String actor) {
        AccountRow account = account(accountId);
        account.enable();
        log.info("{} re-enabled account {}", actor, account.getUsername());
        return account.toAccount();
    }

    /**
     * The old password stops working and the account's sessions end; the returned one-time code (shown once to the
     * instructor, never exported) sets a new one.
     */
    @Transactional
    public PasswordReset resetPassword(long accountId, String actor) {
        AccountRow account = account(accountId);
        refuseOwn(account, actor, "You cannot reset your own password here: you would be signed out without a password.");
        account.forgetPassword();
        PasswordSetupRow setup = setups.issueReset(account.getId());
        sessions.endAfterCommit(account.getUsername());
        log.info("{} reset the password of account {} and ended its sessions", actor, account.getUsername());
        return new PasswordReset(account.toAccount(), setup.getCode(), setup.getExpiresAt());
    }

    /** Signs the account out everywhere; returns how many sessions there were. */
    @Transactional(readOnly = true)
    public int endSessions(long accountId, String actor) {
        AccountRow account = account(accountId);
        int ended = sessions.end(account.getUsername());
        log.info("{} ended the {} session(s) of account {}", actor, ended, account.getUsername());
        return ended;
    }

    /** Serializable: it is shown once as a flash attribute, kept in the session until the next page. */
    public record PasswordReset(Account account, String code, Instant expiresAt) implements Serializable {
    }

    private AccountRow account(long accountId) {
        return accounts.findById(accountId)
                .orElseThrow(() -> new AccountActionRefused(AccountActionRefused.Why.NOT_FOUND, "There is no such account."));
    }

    private static void refuseOwn(AccountRow account, String actor, String message) {
        if (account.getUsername().equals(actor)) {
            throw new AccountActionRefused(AccountActionRefused.Why.OWN_ACCOUNT, message);
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
