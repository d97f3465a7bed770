package org.quizdesk.attempt.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccommodationRepository extends JpaRepository<Accommodation, Accommodation.Key> {

    Optional<Accommodation> findByQuizIdAndAccountId(String quizId, long accountId);

    List<Accommodation> findByQuizId(String quizId);

    List<Accommodation> findByAccountId(long accountId);
}
