package org.quizdesk.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends an account's HTTP sessions, so that a change to the account (disabled, password reset, new role) reaches it on
 * its next request: a session keeps the principal it signed in with, and only a new sign-in reads the account again.
 */
@Component
class AccountSessions {

    /** Sessions live in the database in every profile, indexed by principal name (the account's username). */
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /**
     * Ends them once the current transaction commits (at once outside a transaction): ended earlier, a sign-in in
     * between would still read the old account.
     */
    void endAfterCommit(String username) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end(username);
                }
            });
        } else {
            end(username);
        }
    }

    /** Ends every session signed in as {@code username}; returns how many there were. */
    int end(String username) {
        var ids = sessions.findByPrincipalName(username).keySet();
        ids.forEach(sessions::deleteById);
        return ids.size();
    }
}
