package org.quizdesk.account;

import java.util.List;
import org.quizdesk.account.internal.AccountRepository;
import org.quizdesk.account.internal.AccountRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start, creates the instructor account. Demo accounts (a published password) exist only while
 * {@code quizdesk.accounts.demo-students} is on (the {@code demo} profile): created or re-enabled then, with a
 * warning on every start, and disabled, their sessions ended, on a start without it.
 */
@Component
class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    static final String DEMO_PASSWORD = "quizdesk";

    /** net id, name, section, role. */
    private static final List<String[]> DEMO_ACCOUNTS = List.of(
            new String[] {"student1", "Ada Lovelace", "AA", "STUDENT"}, new String[] {"student2", "Alan Turing", "AA", "STUDENT"},
            new String[] {"student3", "Grace Hopper", "AB", "STUDENT"}, new String[] {"student4", "Katherine Johnson", "AB", "STUDENT"},
            new String[] {"student5", "Edsger Dijkstra", "AB", "STUDENT"}, new String[] {"ta1", "Tess Assistant", "AA", "TA"});

    private final AccountRepository accounts;
    private final AccountService service;
    private final AccountProperties properties;
    private final AccountSessions sessions;
    private final TransactionTemplate transactions;
    private final PasswordEncoder passwordEncoder;

    AccountBootstrap(AccountRepository accounts, AccountService service, AccountProperties properties, AccountSessions sessions,
            TransactionTemplate transactions, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.service = service;
        this.properties = properties;
        this.sessions = sessions;
        this.transactions = transactions;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            createFirstAccounts();
        } catch (DataIntegrityViolationException raced) {
            // another app node, starting at the same moment on the same database, created them
            log.info("First accounts already created by another node");
        }
    }

    private void createFirstAccounts() {
        if (!accounts.existsByRole(Role.INSTRUCTOR)) {
            String configured = properties.instructorPassword();
            String password = configured == null || configured.isBlank() ? AccountService.generatePassword(16) : configured;
            service.create(properties.instructorUsername(), "Instructor", null, null, Role.INSTRUCTOR, password);
            if (configured == null || configured.isBlank()) {
                // printed once, on the start that creates the account; it is not stored anywhere in clear
                log.warn("\n\n  Created the instructor account \"{}\" with password: {}\n  (set quizdesk.accounts.instructor-password to choose it)\n",
                        properties.instructorUsername(), password);
            } else {
                log.info("Created the instructor account \"{}\"", properties.instructorUsername());
            }
        }
        if (properties.demoStudents()) {
            turnDemoAccountsOn();
        } else {
            turnDemoAccountsOff();
        }
    }

    private void turnDemoAccountsOn() {
        // the password is published, so the demo accounts share one hash: a BCrypt hash takes 0.1-0.3 s of the start
        String[] demoHash = {null};
        transactions.executeWithoutResult(status -> {
            for (String[] demo : DEMO_ACCOUNTS) {
                accounts.findByUsername(demo[0]).ifPresentOrElse(existing -> {
                    // an account of that name from a roster is a real person's: left alone
                    if (existing.isDemo()) {
                        existing.enable();
                    }
                }, () -> {
                    Account created = service.create(demo[0], demo[1], demo[0] + "@example.edu", demo[2], Role.valueOf(demo[3]),
                            null);
                    if (demoHash[0] == null) {
                        demoHash[0] = passwordEncoder.encode(DEMO_PASSWORD);
                    }
                    AccountRow row = accounts.findById(created.id()).orElseThrow();
                    row.setPasswordHash(demoHash[0]);
                    row.markDemo();
                });
            }
        });
        log.warn("\n\n  DEMO ACCOUNTS ARE ON: student1 ... student5 and the TA ta1 sign in with the published password \"{}\".\n"
                + "  Anyone can sign in as ta1 and read every answer key and change scores. Never run a course like this:\n"
                + "  start without the demo profile (quizdesk.accounts.demo-students=false) and they are disabled.\n", DEMO_PASSWORD);
    }

    private void turnDemoAccountsOff() {
        List<String> disabled = transactions.execute(status -> {
            List<AccountRow> enabled = accounts.findByDemoTrue().stream().filter(AccountRow::isEnabled).toList();
            enabled.forEach(AccountRow::disable);
            return enabled.stream().map(AccountRow::getUsername).toList();
        });
        if (!disabled.isEmpty()) {
            disabled.forEach(sessions::end);
            log.info("Disabled the demo accounts {} (quizdesk.accounts.demo-students is off)", disabled);
        }
    }
}
