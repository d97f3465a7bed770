package org.quizdesk.attempt.internal;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccessRefusalRepository extends JpaRepository<AccessRefusalRow, Long> {

    Slice<AccessRefusalRow> findByQuizIdOrderByRefusedAtDescIdDesc(String quizId, Pageable page);

    /** One student's refusals on one quiz, oldest first: the evidence timeline's. */
    List<AccessRefusalRow> findByQuizIdAndAccountIdOrderByRefusedAtAsc(String quizId, long accountId);
}
