package org.quizdesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** Accounts in a real database; on H2 here and on PostgreSQL in {@link PostgresAccountPersistenceTest}. */
@SpringBootTest
@ActiveProfiles("test")
class AccountPersistenceTest {

    @Autowired
    AccountService accounts;

    @Autowired
    AccountRepository repository;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void theFirstStartCreatesTheInstructorWithTheConfiguredPasswordAndNoDemoAccounts() {
        Account instructor = accounts.findByUsername("instructor").orElseThrow();
        assertThat(instructor.getRole()).isEqualTo(Role.INSTRUCTOR);
        assertThat(passwords.matches("test-instructor-password", instructor.getPasswordHash())).isTrue();
        assertThat(accounts.findByUsername("student1")).isEmpty();
    }

    @Test
    void aCreatedAccountIsFoundByItsUsernameWhateverTheCase() {
        Account created = accounts.create("  Grace.Hopper ", "Grace Hopper", "grace@example.edu", "AB", Role.STUDENT, "cobol-1959");

        Account found = accounts.findByUsername("GRACE.HOPPER").orElseThrow();
        assertThat(found.getId()).isEqualTo(created.getId());
        assertThat(found.getUsername()).isEqualTo("grace.hopper");
        assertThat(found.getSection()).isEqualTo("AB");
        assertThat(passwords.matches("cobol-1959", found.getPasswordHash())).isTrue();
        assertThat(repository.findByRoleOrderBySectionAscUsernameAsc(Role.STUDENT)).extracting(Account::getUsername)
                .contains("grace.hopper");
    }

    @Test
    void aSecondAccountWithTheSameUsernameIsRefusedByTheDatabase() {
        accounts.create("twin", "First Twin", null, null, Role.STUDENT, "pw-first");

        assertThatThrownBy(() -> accounts.create("TWIN", "Second Twin", null, null, Role.TA, "pw-second"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(accounts.findByUsername("twin").orElseThrow().getFullName()).isEqualTo("First Twin");
    }
}
