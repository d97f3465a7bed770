package org.quizdesk.admin;

import java.util.concurrent.atomic.AtomicInteger;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Accounts, signed-in principals and submitted attempts for the Spring tests of the panel. */
final class StaffFixtures {

    static final String QUIZ = "cse493g1-au24-quiz2";
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final AccountService accounts;
    private final UserDetailsService users;
    private final AttemptService attempts;
    private final AttemptRepository attemptRepository;

    StaffFixtures(AccountService accounts, UserDetailsService users, AttemptService attempts, AttemptRepository attemptRepository) {
        this.accounts = accounts;
        this.users = users;
        this.attempts = attempts;
        this.attemptRepository = attemptRepository;
    }

    static String unique(String prefix) {
        return prefix + NEXT.incrementAndGet();
    }

    Account student(String fullName, String section) {
        String netId = unique("s");
        return accounts.create(netId, fullName, netId + "@uw.edu", section, Role.STUDENT, null);
    }

    UserDetails staff(Role role) {
        String netId = unique(role.name().toLowerCase());
        accounts.create(netId, "Staff " + netId, null, null, role, "staff-password-123");
        return users.loadUserByUsername(netId);
    }

    UserDetails signIn(Account account) {
        return users.loadUserByUsername(account.username());
    }

    /** Starts, saves and submits an attempt of the seed quiz. */
    Attempt submitted(Account student, String answersJson) {
        Attempt attempt = attempts.start(QUIZ, student.id(), student.fullName());
        attempts.save(attempt.getId(), student.id(), answersJson);
        attempts.submit(attempt.getId(), student.id(), null);
        return attemptRepository.findById(attempt.getId()).orElseThrow();
    }

    Attempt reload(Attempt attempt) {
        return attemptRepository.findById(attempt.getId()).orElseThrow();
    }
}
