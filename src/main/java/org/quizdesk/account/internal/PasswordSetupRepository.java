package org.quizdesk.account.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PasswordSetupRepository extends JpaRepository<PasswordSetupRow, Long> {

    Optional<PasswordSetupRow> findByCode(String code);

    List<PasswordSetupRow> findByResetFalseOrderByAccountIdAsc();
}
