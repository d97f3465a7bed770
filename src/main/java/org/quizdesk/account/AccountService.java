package org.quizdesk.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional
    public Account create(String username, String fullName, String email, String section, Role role, String password) {
        Account account = new Account(username.trim().toLowerCase(), fullName, email, section, role, clock.instant());
        if (password != null) {
            account.setPasswordHash(passwordEncoder.encode(password));
        }
        return accounts.save(account);
    }

    @Transactional
    public void setPassword(long accountId, String password) {
        accounts.findById(accountId).orElseThrow().setPasswordHash(passwordEncoder.encode(password));
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(long accountId) {
        return accounts.findById(accountId);
    }

    @Transactional(readOnly = true)
    public Optional<Account> findByUsername(String username) {
        return accounts.findByUsername(username.trim().toLowerCase());
    }

    /** A random password that is easy to type: no 0/O or 1/l/I. */
    public static String generatePassword(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
