package org.quizdesk.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PasswordSetupRepository extends JpaRepository<PasswordSetup, Long> {

    Optional<PasswordSetup> findByCode(String code);

    List<PasswordSetup> findByResetFalseOrderByAccountIdAsc();
}
