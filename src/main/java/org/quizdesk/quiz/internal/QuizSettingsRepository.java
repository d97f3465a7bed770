package org.quizdesk.quiz.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface QuizSettingsRepository extends JpaRepository<QuizSettingsRow, String> {

    List<QuizSettingsRow> findAllByOrderByIdAsc();
}
