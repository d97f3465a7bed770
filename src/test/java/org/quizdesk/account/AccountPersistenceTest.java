package org.quizdesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.quizdesk.account.internal.AccountRepository;
import org.quizdesk.account.internal.AccountRow;
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
        assertThat(instructor.role()).isEqualTo(Role.INSTRUCTOR);
        assertThat(passwords.matches("test-instructor-password", repository.findById(instructor.id()).orElseThrow().getPasswordHash())).isTrue();
        assertThat(accounts.findByUsername("student1")).isEmpty();
    }

    @Test
    void aCreatedAccountIsFoundByItsUsernameWhateverTheCase() {
        Account created = accounts.create("  Grace.Hopper ", "Grace Hopper", "grace@example.edu", "AB", Role.STUDENT, "cobol-1959");

        Account found = accounts.findByUsername("GRACE.HOPPER").orElseThrow();
        assertThat(found.id()).isEqualTo(created.id());
        assertThat(found.username()).isEqualTo("grace.hopper");
        assertThat(found.section()).isEqualTo("AB");
        assertThat(passwords.matches("cobol-1959", repository.findById(found.id()).orElseThrow().getPasswordHash())).isTrue();
        assertThat(repository.findByRoleOrderBySectionAscUsernameAsc(Role.STUDENT)).extracting(AccountRow::getUsername)
                .contains("grace.hopper");
    }

    @Test
    void aSecondAccountWithTheSameUsernameIsRefusedByTheDatabase() {
        accounts.create("twin", "First Twin", null, null, Role.STUDENT, "pw-first");

        assertThatThrownBy(() -> accounts.create("TWIN", "Second Twin", null, null, Role.TA, "pw-second"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(accounts.findByUsername("twin").orElseThrow().fullName()).isEqualTo("First Twin");
    }
}
