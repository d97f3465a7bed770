package org.quizdesk.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    boolean existsByRole(Role role);

    List<Account> findByRoleOrderBySectionAscUsernameAsc(Role role);

    List<Account> findByUsernameIn(Collection<String> usernames);

    /** One page of a role's accounts in a stable order, for exports that must not hold a whole class in memory. */
    List<Account> findByRoleOrderByUsernameAsc(Role role, Pageable page);

    long countByRole(Role role);
}
