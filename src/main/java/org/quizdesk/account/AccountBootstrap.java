package org.quizdesk.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** On the first start, creates the instructor account (and, when asked, demo students). */
@Component
class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    static final String DEMO_PASSWORD = "quizdesk";

    private final AccountRepository accounts;
    private final AccountService service;
    private final AccountProperties properties;

    AccountBootstrap(AccountRepository accounts, AccountService service, AccountProperties properties) {
        this.accounts = accounts;
        this.service = service;
        this.properties = properties;
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
            createDemoAccounts();
        }
    }

    private void createDemoAccounts() {
        String[][] demo = {
                {"student1", "Ada Lovelace", "AA"}, {"student2", "Alan Turing", "AA"}, {"student3", "Grace Hopper", "AB"},
                {"student4", "Katherine Johnson", "AB"}, {"student5", "Edsger Dijkstra", "AB"}};
        int created = 0;
        for (String[] student : demo) {
            if (accounts.findByUsername(student[0]).isEmpty()) {
                service.create(student[0], student[1], student[0] + "@example.edu", student[2], Role.STUDENT, DEMO_PASSWORD);
                created++;
            }
        }
        if (accounts.findByUsername("ta1").isEmpty()) {
            service.create("ta1", "Tess Assistant", "ta1@example.edu", "AA", Role.TA, DEMO_PASSWORD);
            created++;
        }
        if (created > 0) {
            log.info("Demo accounts: student1..student5 and ta1, password \"{}\" (quizdesk.accounts.demo-students=false turns this off)",
                    DEMO_PASSWORD);
        }
    }
}
