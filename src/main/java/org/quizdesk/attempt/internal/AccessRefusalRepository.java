package org.quizdesk.attempt.internal;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccessRefusalRepository extends JpaRepository<AccessRefusalRow, Long> {

    Slice<AccessRefusalRow> findByQuizIdOrderByRefusedAtDescIdDesc(String quizId, Pageable page);
}
