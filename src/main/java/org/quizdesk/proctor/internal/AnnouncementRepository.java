package org.quizdesk.proctor.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AnnouncementRepository extends JpaRepository<AnnouncementRow, Long> {

    List<AnnouncementRow> findByQuizIdAndWithdrawnAtIsNullOrderByIdAsc(String quizId);

    List<AnnouncementRow> findByQuizIdOrderByIdDesc(String quizId);
}
