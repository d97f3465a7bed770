package org.quizdesk.account;

import org.quizdesk.account.internal.AccountRepository;
import org.quizdesk.account.internal.AccountRow;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AccountRow account = accounts.findByUsername(username.trim().toLowerCase())
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return new SignedInUser(account);
    }
}
