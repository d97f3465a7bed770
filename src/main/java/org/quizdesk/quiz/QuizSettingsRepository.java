package org.quizdesk.quiz;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface QuizSettingsRepository extends JpaRepository<QuizSettings, String> {

    List<QuizSettings> findAllByOrderByIdAsc();
}
