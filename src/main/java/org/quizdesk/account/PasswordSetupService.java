package org.quizdesk.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.quizdesk.account.internal.PasswordSetupRepository;
import org.quizdesk.account.internal.PasswordSetupRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes with which roster accounts set their first password. The code is kept until it is used (or a new
 * one replaces it) so that the instructor can export the list of outstanding codes at any time.
 */
@Service
public class PasswordSetupService {

    /** Long enough that guessing is hopeless (about 140 bits), short enough to paste. */
    static final int CODE_LENGTH = 24;
    public static final int MIN_PASSWORD_LENGTH = 10;

    private final PasswordSetupRepository setups;
    private final AccountService accounts;
    private final RosterProperties properties;
    private final Clock clock;

    PasswordSetupService(PasswordSetupRepository setups, AccountService accounts, RosterProperties properties, Clock clock) {
        this.setups = setups;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Issues (or replaces) the account's code, for the roster's export. */
    @Transactional
    public PasswordSetup issue(long accountId) {
        return issue(accountId, false).toPasswordSetup();
    }

    /** Issues (or replaces) a code after a password reset: shown once, not exported. */
    @Transactional
    PasswordSetupRow issueReset(long accountId) {
        return issue(accountId, true);
    }

    private PasswordSetupRow issue(long accountId, boolean reset) {
        setups.findById(accountId).ifPresent(old -> {
            setups.delete(old);
            setups.flush();
        });
        Instant now = clock.instant();
        return setups.save(new PasswordSetupRow(accountId, AccountService.generatePassword(CODE_LENGTH), now,
                now.plus(properties.setupCodeLifetime()), reset));
    }

    /** The unused codes of roster accounts (not those of password resets, which were shown once). */
    @Transactional(readOnly = true)
    public List<PasswordSetup> outstanding() {
        return setups.findByResetFalseOrderByAccountIdAsc().stream().map(PasswordSetupRow::toPasswordSetup).toList();
    }

    /** The account a valid code belongs to. */
    @Transactional(readOnly = true)
    public Optional<Account> accountFor(String code) {
        return valid(code).flatMap(setup -> accounts.find(setup.getAccountId()));
    }

    /**
     * Sets the password and uses the code up.
     *
     * @throws PasswordSetupRefused with a message for the person when the code or the password is not good
     */
    @Transactional
    public Account redeem(String code, String password, String repeated) {
        PasswordSetupRow setup = valid(code).orElseThrow(() -> new PasswordSetupRefused("setup.refused.code",
                "This code is not valid: it may have been used already or have expired. Ask course staff for a new one."));
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new PasswordSetupRefused("setup.refused.tooShort",
                    "Choose a password of at least " + MIN_PASSWORD_LENGTH + " characters.", MIN_PASSWORD_LENGTH);
        }
        if (!password.equals(repeated)) {
            throw new PasswordSetupRefused("setup.refused.notTheSame", "The two passwords are not the same.");
        }
        accounts.setPassword(setup.getAccountId(), password);
        setups.delete(setup);
        return accounts.find(setup.getAccountId()).orElseThrow();
    }

    private Optional<PasswordSetupRow> valid(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return setups.findByCode(code.strip()).filter(s -> s.isValidAt(clock.instant()));
    }
}
