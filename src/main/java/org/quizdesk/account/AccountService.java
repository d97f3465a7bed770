package org.quizdesk.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quizdesk.account.internal.AccountRepository;
import org.quizdesk.account.internal.AccountRow;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts for the other features: create, find by id or net id, set a password; records, never the rows. */
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
        AccountRow account = new AccountRow(username.trim().toLowerCase(), fullName, email, section, role, clock.instant());
        if (password != null) {
            account.setPasswordHash(passwordEncoder.encode(password));
        }
        return accounts.save(account).toAccount();
    }

    /** Only through a one-time code ({@link PasswordSetupService#redeem}); not for the other features. */
    @Transactional
    void setPassword(long accountId, String password) {
        accounts.findById(accountId).orElseThrow().setPasswordHash(passwordEncoder.encode(password));
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(long accountId) {
        return accounts.findById(accountId).map(AccountRow::toAccount);
    }

    /** The accounts with these ids, by id; ids without an account are left out. */
    @Transactional(readOnly = true)
    public Map<Long, Account> findAll(Collection<Long> accountIds) {
        return accounts.findAllById(accountIds).stream().map(AccountRow::toAccount)
                .collect(Collectors.toMap(Account::id, Function.identity()));
    }

    /** One page of the students by net id, for exports that must not hold a whole class in memory. */
    @Transactional(readOnly = true)
    public List<Account> students(int page, int pageSize) {
        return accounts.findByRoleOrderByUsernameAsc(Role.STUDENT, PageRequest.of(page, pageSize)).stream()
                .map(AccountRow::toAccount).toList();
    }

    /** How many students the roster has (disabled ones included, as in every result list). */
    @Transactional(readOnly = true)
    public long countStudents() {
        return accounts.countByRole(Role.STUDENT);
    }

    /** The students' sections, sorted. */
    @Transactional(readOnly = true)
    public List<String> studentSections() {
        return accounts.sections(Role.STUDENT);
    }

    @Transactional(readOnly = true)
    public Optional<Account> findByUsername(String username) {
        return accounts.findByUsername(username.trim().toLowerCase()).map(AccountRow::toAccount);
    }

    /** A random password that is easy to type: no 0/O or 1/l/I. */
    static String generatePassword(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
