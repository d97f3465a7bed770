package org.quizdesk.account.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.quizdesk.account.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AccountRepository extends JpaRepository<AccountRow, Long> {

    Optional<AccountRow> findByUsername(String username);

    boolean existsByRole(Role role);

    /** Every account with this e-mail address in any case: more than one names nobody (university sign-in by e-mail). */
    List<AccountRow> findByEmailIgnoreCase(String email);

    List<AccountRow> findByRoleOrderBySectionAscUsernameAsc(Role role);

    List<AccountRow> findByUsernameIn(Collection<String> usernames);

    /** One page of a role's accounts in a stable order, for exports that must not hold a whole class in memory. */
    List<AccountRow> findByRoleOrderByUsernameAsc(Role role, Pageable page);

    long countByRole(Role role);

    /** The sections a role's accounts are in, sorted, without blanks (the results page's filter). */
    @Query("select distinct a.section from AccountRow a where a.role = :role and a.section is not null order by a.section")
    List<String> sections(@Param("role") Role role);

    List<AccountRow> findByDemoTrue();

    /** Accounts whose net id or name contains {@code pattern} (a lower-case LIKE pattern with {@code !} as escape). */
    @Query("select a from AccountRow a where lower(a.username) like :pattern escape '!' or lower(a.fullName) like :pattern escape '!'")
    Page<AccountRow> search(@Param("pattern") String pattern, Pageable page);
}
