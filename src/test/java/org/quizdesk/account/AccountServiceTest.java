package org.quizdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** What the other features get from the account API: records found by id, net id or page, never a password hash. */
@SpringBootTest
@ActiveProfiles("test")
class AccountServiceTest {

    @Autowired AccountService accounts;

    @Test
    void accountsAreFoundByTheirIdsAndUnknownIdsAreLeftOut() {
        Account ada = accounts.create("api-ada" + System.nanoTime(), "Ada Api", "ada@example.edu", "AA", Role.STUDENT, "pw-ada-12345");
        Account ben = accounts.create("api-ben" + System.nanoTime(), "Ben Api", null, "AB", Role.TA, null);

        Map<Long, Account> found = accounts.findAll(List.of(ada.id(), ben.id(), -1L));

        assertThat(found).containsOnlyKeys(ada.id(), ben.id());
        assertThat(found.get(ada.id())).isEqualTo(ada);
        assertThat(ada.passwordSet()).isTrue();
        assertThat(found.get(ben.id()).passwordSet()).isFalse();
        assertThat(accounts.findByUsername(" " + ben.username().toUpperCase() + " ")).contains(ben);
    }

    @Test
    void studentsComeAPageAtATimeByNetIdWithoutStaff() {
        String prefix = "page" + System.nanoTime();
        List<String> created = List.of(prefix + "d", prefix + "b", prefix + "a", prefix + "c");
        created.forEach(netId -> accounts.create(netId, "Page Student", null, "AA", Role.STUDENT, null));
        accounts.create(prefix + "ta", "Page Ta", null, "AA", Role.TA, null);

        List<Account> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Account> students = accounts.students(page, 3);
            assertThat(students.size()).isLessThanOrEqualTo(3);
            all.addAll(students);
            if (students.size() < 3) {
                break;
            }
        }

        assertThat(all).extracting(Account::role).containsOnly(Role.STUDENT);
        assertThat(all).extracting(Account::username).filteredOn(netId -> netId.startsWith(prefix))
                .containsExactly(prefix + "a", prefix + "b", prefix + "c", prefix + "d");
    }

    @Test
    void theRecordOtherFeaturesSeeCarriesNoPasswordHash() {
        assertThat(Arrays.stream(Account.class.getRecordComponents()).map(RecordComponent::getName))
                .noneMatch(name -> name.toLowerCase().contains("hash"));
    }
}
